import { useStudio } from '../../store';
import type { LiveError } from './liveErrors';

/** An error from going live / ending, with the fixes that make sense for it. */
export function LiveErrorNotice(props: { error: LiveError }) {
  const { retryLive, dismissLiveNotice, navigate } = useStudio.getState();
  const { error } = props;
  return (
    <div className="notice notice-error" role="alert" aria-labelledby="live-error-title">
      <strong id="live-error-title">{error.title}</strong>
      <p>{error.message}</p>
      <div className="notice-actions">
        {error.fixes.includes('retry') && (
          <button type="button" className="primary" onClick={() => void retryLive()}>
            Retry
          </button>
        )}
        {error.fixes.includes('settings') && (
          <button type="button" onClick={() => navigate('settings')}>
            Open settings
          </button>
        )}
        <button type="button" onClick={dismissLiveNotice}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
