import { useStudio } from '../../store';
import { selectPromoted, selectStageNotice } from '../../store/selectors/stage';

/** The last control's outcome: an error to act on, or a new co-moderator's console link to pass on. */
export function StageNotices() {
  const notice = useStudio(selectStageNotice);
  const promoted = useStudio(selectPromoted);
  const { dismissStageNotice } = useStudio.getState();
  if (!notice && !promoted) return null;
  return (
    <div className={`stage-notice ${notice?.kind ?? 'info'}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && <p>{notice.text}</p>}
      {promoted && (
        <label>
          {promoted.name} is now a co-moderator. Send them this console link (it works once, in the first browser that opens it):
          <input
            readOnly
            value={promoted.consoleUrl}
            aria-label={`Console link for ${promoted.name}`}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      )}
      <button type="button" onClick={dismissStageNotice}>
        Dismiss
      </button>
    </div>
  );
}
