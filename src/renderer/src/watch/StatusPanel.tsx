import { assertNever } from '../../../shared/result';
import type { EndReason, WatchPhase } from './watchPhase';

type NotLivePhase = Exclude<WatchPhase, { kind: 'live' } | { kind: 'reconnecting' }>;

export interface StatusPanelProps {
  phase: NotLivePhase;
  onCheckAgain: () => void;
}

const ENDED: Record<EndReason, { title: string; body: string }> = {
  host_ended: { title: 'The stream has ended', body: 'Thanks for watching.' },
  removed: { title: 'You were removed from this stream', body: 'A moderator removed you from the stream.' },
  elsewhere: { title: 'Watching somewhere else', body: 'This stream was opened in another tab or window with the same link.' },
};

function content(phase: NotLivePhase): { title: string; body: string; busy: boolean } {
  switch (phase.kind) {
    case 'checking':
      return { title: 'Looking for the stream…', body: 'One moment.', busy: true };
    case 'waiting':
      return {
        title: 'Waiting for the stream',
        body: 'The host has not gone live yet. This page starts playing on its own when they do.',
        busy: true,
      };
    case 'connecting':
      return { title: 'Joining the stream…', body: 'Connecting to the host.', busy: true };
    case 'unavailable':
      return { title: 'Cannot reach the stream', body: `${phase.message} Trying again…`, busy: true };
    case 'ended':
      return { ...ENDED[phase.reason], busy: false };
    default:
      return assertNever(phase);
  }
}

/** Everything that is not the program: waiting, joining, unreachable, ended. */
export function StatusPanel({ phase, onCheckAgain }: StatusPanelProps) {
  const { title, body, busy } = content(phase);
  return (
    <div className={`status-panel status-panel--${phase.kind}`}>
      <span className={busy ? 'pulse' : 'ended-mark'} aria-hidden="true" />
      <div role="status">
        <h2>{title}</h2>
        <p>{body}</p>
      </div>
      {phase.kind === 'ended' && (
        <button type="button" onClick={onCheckAgain}>
          Check for a new stream
        </button>
      )}
    </div>
  );
}
