import type { ProgramLayout } from '../../../shared/domain/program';
import { HOST_ROLE } from '../../../shared/domain/roles';
import type { ViewerParticipant, ViewerTrack } from '../livekit/viewerTypes';

/** A video the program can show. */
export interface ProgramVideo {
  trackSid: string;
  subscription: number;
  participantIdentity: string;
  participantName: string;
  source: 'screen' | 'camera';
}

/** Where a tile sits: 'main' fills the stage, 'pip' floats over its corner, 'side' gets a column. */
export type TileSlot = 'main' | 'pip' | 'side';

/** One video placed on the program. Stage guests will add a 'guest' slot here. */
export interface ProgramTile {
  video: ProgramVideo;
  slot: TileSlot;
}

/** What the host currently shows: videos that are subscribed and not muted (camera off = absent). */
export interface HostView {
  identity: string;
  name: string;
  screen: ProgramVideo | null;
  camera: ProgramVideo | null;
  /** 'none' when the host publishes no microphone at all (a voice-less stream, or mic unpublished). */
  mic: 'on' | 'muted' | 'none';
}

/** Finds the host among the remote participants by its role attribute. */
export function findHost(participants: readonly ViewerParticipant[]): ViewerParticipant | null {
  return participants.find((p) => p.role === HOST_ROLE) ?? null;
}

function visibleVideo(participant: ViewerParticipant, source: 'screen' | 'camera'): ProgramVideo | null {
  const track = participant.tracks.find((t: ViewerTrack) => t.source === source && t.kind === 'video');
  if (!track || track.muted || !track.subscribed) return null;
  return {
    trackSid: track.sid,
    subscription: track.subscription,
    participantIdentity: participant.identity,
    participantName: participant.name || participant.identity,
    source,
  };
}

/** The host's program-relevant state, or null while the host is not in the room. */
export function hostView(participants: readonly ViewerParticipant[]): HostView | null {
  const host = findHost(participants);
  if (!host) return null;
  const mic = host.tracks.find((t) => t.source === 'microphone');
  return {
    identity: host.identity,
    name: host.name || host.identity,
    screen: visibleVideo(host, 'screen'),
    camera: visibleVideo(host, 'camera'),
    mic: !mic ? 'none' : mic.muted ? 'muted' : 'on',
  };
}

/**
 * Places the host's videos following the layout from room metadata. The layout is a wish: when
 * the wished-for main video is missing, whatever the host does show fills the stage instead of
 * a black box. With the camera as main, the screen is not shown (that is what the host chose).
 */
export function programTiles(layout: ProgramLayout, host: Pick<HostView, 'screen' | 'camera'> | null): ProgramTile[] {
  if (!host) return [];
  const { screen, camera } = host;
  if (screen && camera) {
    if (layout.main === 'camera') return [{ video: camera, slot: 'main' }];
    if (layout.camera === 'hidden') return [{ video: screen, slot: 'main' }];
    return [
      { video: screen, slot: 'main' },
      { video: camera, slot: layout.camera },
    ];
  }
  const only = screen ?? camera;
  return only ? [{ video: only, slot: 'main' }] : [];
}
