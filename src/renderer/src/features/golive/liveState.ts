import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { Emitter } from '../../../../shared/emitter';
import type { Timers } from '../../api/pushFallback';
import type { LiveSession } from '../../../../shared/domain/live';
import type { StreamRecord } from '../../../../shared/domain/stream';
import type { HostConnection, HostQuality, HostRoomEvents } from '../../livekit/hostRoom';
import type { OutboundSample } from '../../livekit/localStats';
import type { HostMedia, HostSource } from '../../livekit/publisher';
import type { LiveError } from './liveErrors';
import { logger } from '../../logging/logger';

/** Where going live stands. `creating`→`connecting`→`publishing` is the visible progress. */
export type LivePhase = 'idle' | 'creating' | 'connecting' | 'publishing' | 'live' | 'ending';

/** Everything the studio shows about the stream; the flow reports changes as patches. */
export interface LiveState {
  livePhase: LivePhase;
  liveSession: LiveSession | null;
  /**
   * `reconnecting` covers LiveKit's own recovery and the studio's retries after it gave up;
   * `lost`: the room dropped us in a way a retry must not undo (another studio took over).
   */
  liveConnection: HostConnection | 'lost';
  /** The studio's own retry under way after LiveKit dropped it (1-based), or null. */
  liveRetryAttempt: number | null;
  /** Back on air after a drop; the live bar says so for a moment. */
  liveRecovered: boolean;
  liveQuality: HostQuality;
  liveViewers: number;
  livePeakViewers: number;
  liveBitrateKbps: number | null;
  liveFps: number | null;
  /** The browser's latest estimate of what the uplink can carry (availableOutgoingBitrate), or null. */
  liveAvailableOutgoingKbps: number | null;
  liveError: LiveError | null;
  /** The record of the stream that just ended, for a short summary. */
  liveEnded: StreamRecord | null;
  /** Why the stream stopped without the host ending it here (closed elsewhere). */
  liveEndedElsewhere: boolean;
}

export const initialLiveState: LiveState = {
  livePhase: 'idle',
  liveSession: null,
  liveConnection: 'connecting',
  liveRetryAttempt: null,
  liveRecovered: false,
  liveQuality: 'unknown',
  liveViewers: 0,
  livePeakViewers: 0,
  liveBitrateKbps: null,
  liveFps: null,
  liveAvailableOutgoingKbps: null,
  liveError: null,
  liveEnded: null,
  liveEndedElsewhere: false,
};

/** The part of HostRoom the flow uses (a structural type, so tests can pass a fake). */
export interface LiveRoom {
  on: Emitter<HostRoomEvents>['on'];
  connect(url: string, token: string): Promise<void>;
  publisher: {
    publishAll(media: HostMedia, muted: Partial<Record<HostSource, boolean>>): Promise<void>;
    replace(source: HostSource, track: MediaStreamTrack | null, keepMuted?: boolean): Promise<void>;
    setMuted(source: HostSource, muted: boolean): Promise<void>;
    isOnAir(source: HostSource): boolean;
  };
  viewerCount(): number;
  sampleStats(): Promise<OutboundSample>;
  leave(): Promise<void>;
}

/** Leaves a room the flow is done with; a failure there changes nothing on air, so it is only logged. */
export function leaveQuietly(room: LiveRoom): Promise<void> {
  return room.leave().catch((error: unknown) => logger.warn('Leaving a LiveKit room failed', error));
}

/** Collaborators, injected so the flow runs in unit tests without a browser or a server. */
export interface GoLiveDeps {
  api: Pick<StudioClient, 'invoke'>;
  createRoom(): LiveRoom;
  onChange(patch: Partial<LiveState>): void;
  statsEveryMs?: number;
  reportEveryMs?: number;
  /** The browser's `online` event (a retry waiting out its delay goes at once); returns the unsubscribe. */
  onOnline?: (listener: () => void) => () => void;
  /** Timers for the reconnect backoff (tests drive them by hand). */
  reconnectTimers?: Timers;
}
