import { useState, type FormEvent } from 'react';

/** "Chatting as Viewer · Change name": a small inline form to pick the name shown in chat. */
export function NameEditor({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (next) onRename(next);
    setEditing(false);
  };
  if (!editing) {
    return (
      <p className="vchat-name">
        Chatting as <strong>{name}</strong>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setValue(name === 'Viewer' ? '' : name);
            setEditing(true);
          }}
        >
          Change name
        </button>
      </p>
    );
  }
  return (
    <form className="vchat-name-form" onSubmit={submit}>
      <input
        type="text"
        value={value}
        maxLength={40}
        onChange={(event) => setValue(event.target.value)}
        aria-label="Your chat name"
        placeholder="Your name"
        autoFocus
      />
      <button type="submit" disabled={!value.trim()}>
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
