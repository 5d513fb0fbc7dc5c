import { useStudio } from '../../store';
import { selectLivekitServer } from '../../store/selectors/settings';

/**
 * One line saying which LiveKit server the studio uses: the app's own local rehearsal server (and
 * who can watch through it), another server found at the default address, or the configured one.
 */
export function LivekitServerNote() {
  const server = useStudio(selectLivekitServer);
  if (!server) return null;
  const tone = server.state === 'failed' ? 'notice notice-error' : server.mode === 'rehearsal' ? 'server-note rehearsal' : 'server-note';
  return (
    <p className={tone} role={server.state === 'failed' ? 'alert' : 'note'} aria-label="LiveKit server">
      {server.message}
      {server.mode === 'rehearsal' && server.state === 'running' && (
        <span className="hint"> For viewers anywhere, use LiveKit Cloud or your own livekit-server (Settings → LiveKit).</span>
      )}
    </p>
  );
}
