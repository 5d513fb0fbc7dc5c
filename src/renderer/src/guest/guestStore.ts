import { create } from 'zustand';
import type { GuestSessionResponse, InviteRefusal } from '../../../shared/contract/httpRoutes';
import type { RoomMetadata } from '../../../shared/domain/program';
import type { InviteRole } from '../../../shared/domain/stage';
import type { GuestLocalMedia } from '../livekit/guestSnapshots';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import type { DeviceOption } from './deviceChoice';

/** Where the page is, before and after the invite is used. */
export type GuestPhase =
  /** Asking the server about the invite (or resuming a stored session). */
  | { kind: 'checking' }
  | { kind: 'refused'; reason: InviteRefusal }
  /** A usable invite: name and device check, then "Request to join". */
  | { kind: 'invited'; role: InviteRole; label: string; title: string | null; raisedHand: boolean }
  /** A moderator invite: on the way to the console. */
  | { kind: 'redirecting' }
  /** Redeemed: the session state drives the page from here. */
  | { kind: 'session' }
  /** The studio could not be reached on first contact. */
  | { kind: 'unavailable'; message: string }
  /** The same guest joined from another tab or device; this one stepped aside. */
  | { kind: 'elsewhere' };

/** The device check: what was found, what is picked, and what went wrong per device. */
export interface DeviceState {
  status: 'idle' | 'asking' | 'ready';
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string | null;
  microphoneId: string | null;
  /** Live preview tracks (stopped while publishing, when LiveKit owns the devices). */
  cameraTrack: MediaStreamTrack | null;
  microphoneTrack: MediaStreamTrack | null;
  cameraError: string | null;
  microphoneError: string | null;
}

/** The LiveKit side as the page shows it. */
export interface RoomState {
  status: 'off' | 'connecting' | 'connected' | 'reconnecting';
  participants: ViewerParticipant[];
  metadata: RoomMetadata | null;
  playbackBlocked: boolean;
}

/** The guest page's whole state; only the controllers write it. */
export interface GuestState {
  phase: GuestPhase;
  session: GuestSessionResponse | null;
  room: RoomState;
  local: GuestLocalMedia;
  devices: DeviceState;
  /** The action in flight, so its button shows progress and cannot be pressed twice. */
  busy: 'joining' | 'requesting' | 'withdrawing' | 'publishing' | null;
  /** The last action's failure, shown next to the actions. */
  actionError: string | null;
  /** Polling the session failed; the page keeps trying and says so. */
  connectionError: string | null;
  /** Asked to join before the show started: the request goes out once the stream is live. */
  requestPending: boolean;
}

/** Initial device check state (also used to reset). */
export const NO_DEVICES: DeviceState = {
  status: 'idle',
  cameras: [],
  microphones: [],
  cameraId: null,
  microphoneId: null,
  cameraTrack: null,
  microphoneTrack: null,
  cameraError: null,
  microphoneError: null,
};

/** Nothing connected. */
export const NO_ROOM: RoomState = { status: 'off', participants: [], metadata: null, playbackBlocked: false };

/** The guest page store (one per page). Plain state; the controllers hold the behaviour. */
export const useGuest = create<GuestState>()(() => ({
  phase: { kind: 'checking' },
  session: null,
  room: NO_ROOM,
  local: { camera: null, microphone: null },
  devices: NO_DEVICES,
  busy: null,
  actionError: null,
  connectionError: null,
  requestPending: false,
}));

/** Merges a partial update into one slice of the store. */
export function patchDevices(patch: Partial<DeviceState>): void {
  useGuest.setState((state) => ({ devices: { ...state.devices, ...patch } }));
}

/** Merges a partial update into the room slice. */
export function patchRoom(patch: Partial<RoomState>): void {
  useGuest.setState((state) => ({ room: { ...state.room, ...patch } }));
}
