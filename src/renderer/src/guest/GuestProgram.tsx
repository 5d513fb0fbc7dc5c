import { useMemo } from 'react';
import { AudioSinks } from '../watch/AudioSinks';
import { ProgramView } from '../watch/ProgramView';
import { StageGrid } from '../watch/StageGrid';
import { stageSeats } from '../watch/stageTiles';
import { hostView, programTiles } from '../watch/programLayout';
import type { AttachTrack } from '../watch/VideoTile';
import type { RoomState } from './guestStore';

export interface GuestProgramProps {
  room: RoomState;
  selfIdentity: string | null;
  /** Our own camera for our seat on stage. */
  attachSelf: (element: HTMLVideoElement) => () => void;
  selfCameraSid: string | null;
  attach: AttachTrack;
  onUnmute: () => void;
  /** Shown instead of the program while not in the room. */
  idleText: string;
}

const DEFAULT_LAYOUT = { main: 'screen', camera: 'pip' } as const;

/**
 * What viewers see, for a guest waiting or on stage: the host's program (the viewer page's own
 * renderer) and the stage guests in a grid below it, as the room metadata places them.
 */
export function GuestProgram({ room, selfIdentity, attachSelf, selfCameraSid, attach, onUnmute, idleText }: GuestProgramProps) {
  const host = useMemo(() => hostView(room.participants), [room.participants]);
  const layout = room.metadata?.layout ?? DEFAULT_LAYOUT;
  const tiles = useMemo(() => programTiles(layout, host), [layout, host]);
  const seats = useMemo(
    () => stageSeats(room.metadata?.stage, room.participants, selfIdentity),
    [room.metadata, room.participants, selfIdentity],
  );
  if (room.status === 'off' || room.status === 'connecting') {
    return (
      <div className="program-idle" role="status">
        {room.status === 'connecting' ? <span className="spinner" aria-hidden="true" /> : <span className="pulse" aria-hidden="true" />}
        <p>{room.status === 'connecting' ? 'Joining the show…' : idleText}</p>
      </div>
    );
  }
  return (
    <>
      <ProgramView
        layout={layout}
        tiles={tiles}
        host={host}
        reconnecting={room.status === 'reconnecting'}
        playbackBlocked={room.playbackBlocked}
        onUnmute={onUnmute}
        attach={attach}
      />
      {seats.length > 0 && <StageGrid seats={seats} attach={attach} attachSelf={attachSelf} selfCameraSid={selfCameraSid} />}
      <AudioSinks participants={room.participants} attach={attach} />
    </>
  );
}
