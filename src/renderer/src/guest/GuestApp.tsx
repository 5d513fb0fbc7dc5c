import type { GuestController } from './guestController';
import { GuestHeader, type GuestHeaderProps } from './GuestHeader';
import { GuestProgram } from './GuestProgram';
import { useGuest, type GuestState } from './guestStore';
import { JoinView } from './JoinView';
import { NoticeView, RefusedView } from './RefusedView';
import { SessionView } from './SessionView';
import { StatusCard } from './StatusCard';

export interface GuestAppProps {
  controller: GuestController;
}

function badgeFor(state: GuestState): GuestHeaderProps['badge'] {
  switch (state.session?.state) {
    case 'stage':
      return { text: 'On stage', tone: 'live' };
    case 'backstage':
      return { text: 'Backstage', tone: 'calm' };
    case 'requested':
      return { text: 'Request sent', tone: 'calm' };
    default:
      return null;
  }
}

/** The guest page: selects from the store and hands plain props to the view for the phase. */
export function GuestApp({ controller }: GuestAppProps) {
  const state = useGuest();
  const { phase, session } = state;
  const stage = controller.stage;
  const selectDevice = (kind: 'camera' | 'microphone', deviceId: string): void => void controller.devices.select(kind, deviceId);
  const checkAgain = (): void => void controller.devices.start();
  let title: string | null = session?.title ?? state.room.metadata?.title ?? null;
  let body;
  switch (phase.kind) {
    case 'checking':
      body = (
        <div className="page-status" role="status">
          <span className="spinner" aria-hidden="true" /> Checking your invite…
        </div>
      );
      break;
    case 'refused':
      body = <RefusedView reason={phase.reason} />;
      break;
    case 'unavailable':
      body = (
        <NoticeView
          title="Can't reach the studio"
          body={phase.message}
          tone="off"
          action={{ label: 'Try again', onClick: () => controller.retry() }}
        />
      );
      break;
    case 'elsewhere':
      body = (
        <NoticeView
          title="You joined from somewhere else"
          body="This invite is now open in another tab or on another device, so this page stepped aside."
        />
      );
      break;
    case 'redirecting':
      body = <NoticeView title="Opening the moderator console…" body="One moment." />;
      break;
    case 'invited':
      title = phase.title;
      body = (
        <JoinView
          role={phase.role}
          label={phase.label}
          title={phase.title}
          raisedHand={phase.raisedHand}
          devices={state.devices}
          busy={state.busy === 'joining'}
          error={state.actionError}
          onJoin={(name) => void controller.join(name)}
          onSelectDevice={selectDevice}
          onCheckAgain={checkAgain}
        />
      );
      break;
    case 'session':
      if (!session) {
        body = (
          <div className="page-status" role="status">
            <span className="spinner" aria-hidden="true" /> Joining…
          </div>
        );
      } else if (session.state === 'removed') {
        body = (
          <NoticeView
            title="You were removed from the show"
            body={session.notice ?? 'The host removed you from this stream. Thanks for stopping by.'}
            tone="off"
          />
        );
      } else {
        body = (
          <SessionView
            program={
              <GuestProgram
                room={state.room}
                selfIdentity={session.identity}
                attachSelf={stage.attachSelf}
                selfCameraSid={state.local.camera && !state.local.camera.muted ? state.local.camera.sid : null}
                attach={stage.attach}
                onUnmute={() => void stage.startPlayback()}
                idleText={session.livekit ? 'Joining the show…' : 'The show will appear here when it starts.'}
              />
            }
            status={
              <StatusCard
                session={session}
                local={state.local}
                devices={state.devices}
                busy={state.busy}
                actionError={state.actionError}
                requestPending={state.requestPending}
                attachSelf={stage.attachSelf}
                onRequest={() => void controller.request()}
                onWithdraw={() => void controller.withdraw()}
                onMicrophone={(enabled) => void stage.setMicrophone(enabled)}
                onCamera={(enabled) => void stage.setCamera(enabled)}
                onSelectDevice={selectDevice}
                onCheckAgain={checkAgain}
              />
            }
          />
        );
      }
      break;
  }
  return (
    <div className="guest">
      <GuestHeader title={title} badge={badgeFor(state)} />
      {state.connectionError && phase.kind === 'session' && (
        <p className="connection-banner" role="status">
          {state.connectionError}
        </p>
      )}
      <main className="guest-main">{body}</main>
    </div>
  );
}
