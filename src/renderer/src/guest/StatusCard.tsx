import type { GuestSessionResponse } from '../../../shared/contract/httpRoutes';
import type { GuestLocalMedia } from '../livekit/guestSnapshots';
import { DeviceCheckPanel } from './DeviceCheckPanel';
import type { DeviceState, GuestState } from './guestStore';
import { StageControls } from './StageControls';

export interface StatusCardProps {
  session: GuestSessionResponse;
  local: GuestLocalMedia;
  devices: DeviceState;
  busy: GuestState['busy'];
  actionError: string | null;
  requestPending: boolean;
  attachSelf: (element: HTMLVideoElement) => () => void;
  onRequest: () => void;
  onWithdraw: () => void;
  onMicrophone: (enabled: boolean) => void;
  onCamera: (enabled: boolean) => void;
  onSelectDevice: (kind: 'camera' | 'microphone', deviceId: string) => void;
  onCheckAgain: () => void;
}

interface Copy {
  title: string;
  body: string;
}

function copyFor(session: GuestSessionResponse, requestPending: boolean): Copy {
  switch (session.state) {
    case 'waiting_for_stream':
      return {
        title: "The show hasn't started yet",
        body: requestPending
          ? 'Your request goes to the host as soon as the show starts. Keep this page open.'
          : 'Keep this page open: the show appears here when it starts.',
      };
    case 'joined':
      return { title: "You're watching", body: 'Ask the host to bring you on stage when you are ready.' };
    case 'requested':
      return {
        title: 'Waiting for the host',
        body: "The host has your request. Keep this page open; you'll go backstage or on stage from here.",
      };
    case 'backstage':
      return {
        title: "You're backstage — the host will bring you on",
        body: 'Viewers cannot see or hear you yet. Get ready: the host moves you on stage from the studio.',
      };
    case 'stage':
      return { title: "You're live on stage", body: 'Viewers see your camera and hear your microphone.' };
    case 'rejected':
      return {
        title: 'Thanks for asking',
        body: session.notice ?? "The host can't bring you on stage this time. You're welcome to keep watching.",
      };
    case 'removed':
      return { title: 'You were removed from the show', body: session.notice ?? 'The host removed you from this stream.' };
  }
}

/** The guest's own state and what they can do about it, beside the program. */
export function StatusCard(props: StatusCardProps) {
  const { session, local, devices, busy, actionError, requestPending } = props;
  const copy = copyFor(session, requestPending);
  const onStage = session.state === 'stage';
  const preview =
    session.state === 'waiting_for_stream' || session.state === 'joined' || session.state === 'requested' || session.state === 'backstage';
  return (
    <section className={`status-card status-card--${session.state}`} aria-labelledby="status-title">
      {onStage && <span className="on-air">On air</span>}
      <h2 id="status-title">{copy.title}</h2>
      <p className="status-body">{copy.body}</p>
      {onStage && <StageControls local={local} attachSelf={props.attachSelf} onMicrophone={props.onMicrophone} onCamera={props.onCamera} />}
      {onStage && busy === 'publishing' && (
        <p className="hint" role="status">
          Starting your camera and microphone…
        </p>
      )}
      {preview && <DeviceCheckPanel devices={devices} onSelect={props.onSelectDevice} onCheckAgain={props.onCheckAgain} compact />}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      <div className="status-actions">
        {session.state === 'joined' && (
          <button type="button" className="primary" disabled={busy !== null} onClick={props.onRequest}>
            {busy === 'requesting' ? 'Sending request…' : 'Request to join'}
          </button>
        )}
        {session.state === 'requested' && (
          <button type="button" disabled={busy !== null} onClick={props.onWithdraw}>
            {busy === 'withdrawing' ? 'Withdrawing…' : 'Withdraw request'}
          </button>
        )}
        {session.state === 'backstage' && (
          <button type="button" disabled={busy !== null} onClick={props.onWithdraw}>
            Leave backstage
          </button>
        )}
        {onStage && (
          <button type="button" className="danger" disabled={busy === 'withdrawing'} onClick={props.onWithdraw}>
            {busy === 'withdrawing' ? 'Leaving…' : 'Leave stage'}
          </button>
        )}
      </div>
    </section>
  );
}
