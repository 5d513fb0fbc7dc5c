import type { ProgramStage } from '../../../shared/domain/stage';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import type { ProgramVideo } from './programLayout';

/** One stage slot as the viewer and guest pages show it beside the host's program. */
export interface StageSeat {
  slot: number;
  identity: string;
  name: string;
  /** This guest's own seat: shown from the local camera, never subscribed. */
  self: boolean;
  /** The guest's camera when it is subscribed and not muted; null shows the name card. */
  video: ProgramVideo | null;
  micMuted: boolean;
  /** The host put this guest in the spotlight: the seat is shown larger and marked. */
  spotlit: boolean;
}

/**
 * The filled stage slots from room metadata, joined with what the room delivers for each guest.
 * Metadata is the truth for who is on stage (every viewer sees the same program); a guest whose
 * camera is off or not yet subscribed still keeps their seat, as a name card.
 */
export function stageSeats(
  stage: ProgramStage | undefined,
  participants: readonly ViewerParticipant[],
  selfIdentity: string | null,
): StageSeat[] {
  if (!stage) return [];
  const seats: StageSeat[] = [];
  stage.slots.forEach((occupant, slot) => {
    if (!occupant) return;
    const participant = participants.find((p) => p.identity === occupant.identity);
    const camera = participant?.tracks.find((t) => t.source === 'camera' && t.kind === 'video');
    const mic = participant?.tracks.find((t) => t.source === 'microphone');
    const name = occupant.name || participant?.name || occupant.identity;
    seats.push({
      slot,
      identity: occupant.identity,
      name,
      self: occupant.identity === selfIdentity,
      video:
        camera && !camera.muted && camera.subscribed
          ? {
              trackSid: camera.sid,
              subscription: camera.subscription,
              participantIdentity: occupant.identity,
              participantName: name,
              source: 'camera',
            }
          : null,
      micMuted: !mic || mic.muted,
      spotlit: stage.spotlight === occupant.identity,
    });
  });
  return seats;
}
