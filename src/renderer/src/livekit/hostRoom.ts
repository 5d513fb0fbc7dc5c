import {
  ConnectionError,
  ConnectionErrorReason,
  ConnectionQuality,
  DisconnectReason,
  Room,
  RoomEvent,
  type Participant,
} from 'livekit-client';
import type { RoomViewer } from '../../../shared/contract/streamApi';
import { Emitter, type EventArgs } from '../../../shared/emitter';
import { countViewers, viewerOf } from './hostRoomViewers';
import { sampleOutbound, type OutboundSample } from './localStats';
import { HostPublisher } from './publisher';

/** The host's link to the room, as the live bar shows it. */
export type HostConnection = 'connecting' | 'connected' | 'reconnecting';

/** How the host left the room when it was not the host's own doing. */
export type HostLeftReason = 'room_deleted' | 'removed' | 'lost' | 'other';

/** LiveKit's view of the host's uplink. */
export type HostQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** Room happenings the studio reacts to (one place turns them into store updates). */
export interface HostRoomEvents {
  connection: HostConnection;
  left: HostLeftReason;
  quality: HostQuality;
  viewers: number;
  /** Viewers who joined or left the room (the host's view; it feeds viewer analytics). */
  presence: AudienceChange;
}

/** Who came and went since the last report. */
export interface AudienceChange {
  joined: RoomViewer[];
  left: string[];
}

/** Why connecting failed, so the studio can say what to fix. */
export class HostRoomFailure extends Error {
  constructor(
    readonly kind: 'unreachable' | 'unauthorized' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'HostRoomFailure';
  }
}

function toFailure(error: unknown): HostRoomFailure {
  if (error instanceof ConnectionError) {
    if (error.reason === ConnectionErrorReason.NotAllowed)
      return new HostRoomFailure('unauthorized', 'LiveKit rejected the host token. Check the API key and secret in Settings.');
    if (
      error.reason === ConnectionErrorReason.ServerUnreachable ||
      error.reason === ConnectionErrorReason.WebSocket ||
      error.reason === ConnectionErrorReason.Timeout
    )
      return new HostRoomFailure('unreachable', 'Could not reach the LiveKit server. Check that it is running and the URL in Settings.');
  }
  return new HostRoomFailure('other', `Could not join the LiveKit room: ${error instanceof Error ? error.message : String(error)}`);
}

const QUALITY: Record<ConnectionQuality, HostQuality> = {
  [ConnectionQuality.Excellent]: 'excellent',
  [ConnectionQuality.Good]: 'good',
  [ConnectionQuality.Poor]: 'poor',
  [ConnectionQuality.Lost]: 'lost',
  [ConnectionQuality.Unknown]: 'unknown',
};

function leftReason(reason: DisconnectReason | undefined): HostLeftReason {
  if (reason === DisconnectReason.ROOM_DELETED || reason === DisconnectReason.ROOM_CLOSED) return 'room_deleted';
  if (reason === DisconnectReason.PARTICIPANT_REMOVED || reason === DisconnectReason.DUPLICATE_IDENTITY) return 'removed';
  if (reason === DisconnectReason.SIGNAL_CLOSE || reason === DisconnectReason.JOIN_FAILURE || reason === DisconnectReason.STATE_MISMATCH)
    return 'lost';
  return 'other';
}

/**
 * The host's LiveKit room: connect, publish through {@link HostPublisher}, and report
 * connection, quality and audience through {@link HostRoomEvents}.
 */
export class HostRoom {
  private readonly events = new Emitter<HostRoomEvents>();

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof HostRoomEvents>(event: E, listener: (...args: EventArgs<HostRoomEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  /** The LiveKit room itself, for the stage tracker (hostStage.ts) to follow the guests in it. */
  readonly livekitRoom: Room;
  readonly publisher: HostPublisher;
  private leaving = false;

  constructor() {
    // The studio owns its capture tracks: leaving the room must not stop the preview.
    this.livekitRoom = new Room({ adaptiveStream: false, dynacast: true, stopLocalTrackOnUnpublish: false });
    this.publisher = new HostPublisher(this.livekitRoom.localParticipant);
    const viewers = () => this.events.emit('viewers', countViewers(this.livekitRoom.remoteParticipants.values()));
    this.livekitRoom
      .on(RoomEvent.Reconnecting, () => this.events.emit('connection', 'reconnecting'))
      .on(RoomEvent.SignalReconnecting, () => this.events.emit('connection', 'reconnecting'))
      .on(RoomEvent.Reconnected, () => this.events.emit('connection', 'connected'))
      .on(RoomEvent.Disconnected, (reason) => {
        if (!this.leaving) this.events.emit('left', leftReason(reason));
      })
      .on(RoomEvent.ConnectionQualityChanged, (quality: ConnectionQuality, participant: Participant) => {
        if (participant.isLocal) this.events.emit('quality', QUALITY[quality]);
      })
      .on(RoomEvent.ParticipantConnected, (participant: Participant) => {
        viewers();
        const viewer = viewerOf(participant);
        if (viewer) this.events.emit('presence', { joined: [viewer], left: [] });
      })
      .on(RoomEvent.ParticipantDisconnected, (participant: Participant) => {
        viewers();
        if (viewerOf(participant)) this.events.emit('presence', { joined: [], left: [participant.identity] });
      })
      .on(RoomEvent.ParticipantAttributesChanged, viewers);
  }

  /** Joins the room; throws {@link HostRoomFailure}. */
  async connect(url: string, token: string): Promise<void> {
    this.events.emit('connection', 'connecting');
    try {
      await this.livekitRoom.connect(url, token, { autoSubscribe: false });
    } catch (error) {
      throw toFailure(error);
    }
    this.events.emit('connection', 'connected');
    const present = [...this.livekitRoom.remoteParticipants.values()];
    this.events.emit('viewers', countViewers(present));
    this.events.emit('presence', { joined: present.map(viewerOf).filter((viewer) => viewer !== null), left: [] });
  }

  /** Current count of viewers in the room (for the periodic report to main). */
  viewerCount(): number {
    return countViewers(this.livekitRoom.remoteParticipants.values());
  }

  /** One sample of the outgoing streams. */
  sampleStats(): Promise<OutboundSample> {
    return sampleOutbound(this.publisher.senders());
  }

  /** Leaves without stopping the capture tracks; no `left` event follows. */
  async leave(): Promise<void> {
    this.leaving = true;
    await this.livekitRoom.disconnect(false);
  }
}
