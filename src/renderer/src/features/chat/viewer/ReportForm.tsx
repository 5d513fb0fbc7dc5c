import { useState, type FormEvent } from 'react';
import type { ChatMessage } from '../../../../../shared/domain/chat';

const REASONS = ['Spam', 'Harassment', 'Hate speech', 'Something else'] as const;

/** Asks why a message is reported, then sends the report to the moderators. */
export function ReportForm({
  message,
  onReport,
  onCancel,
}: {
  message: ChatMessage;
  onReport: (reason: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<string>(REASONS[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onReport(reason);
    setBusy(false);
    if (failure) setError(failure);
  };
  return (
    <form className="vchat-report" onSubmit={submit} aria-label={`Report the message from ${message.sender.name}`}>
      <p className="vchat-report-quote">
        Report <strong>{message.sender.name}</strong>: “{message.text.length > 80 ? `${message.text.slice(0, 80)}…` : message.text}”
      </p>
      <label>
        Reason
        <select value={reason} onChange={(event) => setReason(event.target.value)}>
          {REASONS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <div className="vchat-report-actions">
        <button type="submit" className="primary" disabled={busy}>
          Send report
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="vchat-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
