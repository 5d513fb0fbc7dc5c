import { useState, type FormEvent } from 'react';
import type { StreamMode } from '../../../../shared/domain/stream';
import { useStudio } from '../../store';
import { selectDraftMode, selectDraftTags, selectDraftTitle } from '../../store/selectors/live';
import { selectIsDisconnected } from '../../store/selectors/navigation';
import { validateDraft } from './goLiveForm';

const MODES: { mode: StreamMode; label: string; hint: string }[] = [
  { mode: 'screen_guests', label: 'Screen + guests', hint: 'Your screen with your camera in the corner; guests beside it.' },
  { mode: 'camera_grid', label: 'Camera grid', hint: 'Cameras side by side — you and up to four guests.' },
  { mode: 'voice_only', label: 'Voice only', hint: 'Audio only, for talks and podcasts.' },
];

/** Title, tags and mode, validated with the shared schemas before anything is sent. */
export function GoLiveForm() {
  const mode = useStudio(selectDraftMode);
  // Going live needs main; while the link to it is down the button waits (the banner says why).
  const offline = useStudio(selectIsDisconnected);
  const title = useStudio(selectDraftTitle);
  const tags = useStudio(selectDraftTags);
  const { setDraftMode, setDraftText, goLive } = useStudio.getState();
  const [errors, setErrors] = useState<{ title?: string; tags?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDraft({ title, tags, mode });
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) void goLive(checked.params);
  };

  return (
    <form className="golive-form" onSubmit={submit} aria-label="Go live" noValidate>
      <label>
        <span className="label-row">
          Stream title{' '}
          <span className="counter" aria-hidden="true">
            {title.length}/120
          </span>
        </span>
        <input
          type="text"
          value={title}
          maxLength={140}
          onChange={(e) => setDraftText({ draftTitle: e.target.value })}
          aria-invalid={!!errors.title}
          aria-describedby={errors.title ? 'title-error' : undefined}
          placeholder="What are you streaming today?"
        />
        {errors.title && (
          <span id="title-error" className="field-error">
            {errors.title}
          </span>
        )}
      </label>
      <label>
        Tags
        <input
          type="text"
          value={tags}
          onChange={(e) => setDraftText({ draftTags: e.target.value })}
          aria-invalid={!!errors.tags}
          aria-describedby="tags-hint"
          placeholder="design, live coding"
        />
        <span id="tags-hint" className={errors.tags ? 'field-error' : 'hint'}>
          {errors.tags ?? 'Up to 10, separated by commas.'}
        </span>
      </label>
      <fieldset className="mode-picker">
        <legend>Layout</legend>
        {MODES.map((option) => (
          <label key={option.mode} className={option.mode === mode ? 'mode-option selected' : 'mode-option'}>
            <input type="radio" name="mode" value={option.mode} checked={option.mode === mode} onChange={() => setDraftMode(option.mode)} />
            <span className="mode-label">{option.label}</span>
            <span className="hint">{option.hint}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary golive-button" disabled={offline}>
        <span className="live-dot live" aria-hidden="true" /> Go live
      </button>
    </form>
  );
}
