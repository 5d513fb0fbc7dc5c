import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { GoLiveParams, LiveSession } from '../../../../shared/domain/live';
import type { StreamRecord } from '../../../../shared/domain/stream';
import { ROOM_VIEW_BATCH, type RoomViewer } from '../../../../shared/contract/streamApi';
import type { AudienceChange, HostConnection, HostLeftReason, HostQuality, HostRoomEvents } from '../../livekit/hostRoom';
import { outboundRates, uplinkQuality, type OutboundSample } from '../../livekit/localStats';
import type { HostMedia, HostSource } from '../../livekit/publisher';
import { liveErrorFromApp, liveErrorFromRoom, type LiveError } from './liveErrors';

/** Where going live stands. `creating`→`connecting`→`publishing` is the visible progress. */
export type LivePhase = 'idle' | 'creating' | 'connecting' | 'publishing' | 'live' | 'ending';

/** Everything the studio shows about the stream; the flow reports changes as patches. */
export interface LiveState {
  livePhase: LivePhase;
  liveSession: LiveSession | null;
  /** `lost`: the room dropped us for good while live; the studio offers to reconnect. */
  liveConnection: HostConnection | 'lost';
  liveQuality: HostQuality;
  liveViewers: number;
  livePeakViewers: number;
  liveBitrateKbps: number | null;
  liveFps: number | null;
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
  liveQuality: 'unknown',
  liveViewers: 0,
  livePeakViewers: 0,
  liveBitrateKbps: null,
  liveFps: null,
  liveError: null,
  liveEnded: null,
  liveEndedElsewhere: false,
};

/** The part of HostRoom the flow uses (a structural type, so tests can pass a fake). */
export interface LiveRoom {
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

/** Collaborators, injected so the flow runs in unit tests without a browser or a server. */
export interface GoLiveDeps {
  api: Pick<StudioClient, 'invoke'>;
  createRoom(events: HostRoomEvents): LiveRoom;
  onChange(patch: Partial<LiveState>): void;
  statsEveryMs?: number;
  reportEveryMs?: number;
}

/**
 * Going live, staying live and ending, outside React. A start that fails after `stream.start`
 * succeeded is undone with `stream.abort`, so no half-live stream is left in history.
 */
export class GoLiveFlow {
  private room: LiveRoom | null = null;
  private session: LiveSession | null = null;
  private phase: LivePhase = 'idle';
  private timers: ReturnType<typeof setInterval>[] = [];
  private lastSample: OutboundSample | null = null;
  private reportedViewers = -1;
  /** Joins and leaves not yet told to main; a rejoin cancels a pending leave and vice versa. */
  private pendingJoined = new Map<string, RoomViewer>();
  private pendingLeft = new Set<string>();
  /** Set once LiveKit sends its own quality grade; until then the flow grades from getStats. */
  private serverQuality = false;

  constructor(private readonly deps: GoLiveDeps) {}

  private update(patch: Partial<LiveState>): void {
    if (patch.livePhase) this.phase = patch.livePhase;
    this.deps.onChange(patch);
  }

  get live(): boolean {
    return this.phase === 'live';
  }

  /** Creates the stream in main, joins the room and publishes. Resolves true when live. */
  async start(params: GoLiveParams, media: HostMedia, muted: Partial<Record<HostSource, boolean>>): Promise<boolean> {
    if (this.phase !== 'idle') return false;
    this.update({ ...initialLiveState, livePhase: 'creating' });
    const started = await this.deps.api.invoke('stream.start', params);
    if (!started.ok) {
      this.update({ livePhase: 'idle', liveError: liveErrorFromApp(started.error, 'start') });
      return false;
    }
    return this.join(started.value, media, muted, true);
  }

  /** Rejoins a stream that is still live in main (after a studio reload) with a fresh token. */
  async resume(session: LiveSession, media: HostMedia, muted: Partial<Record<HostSource, boolean>>): Promise<boolean> {
    if (this.phase !== 'idle') return false;
    this.update({ ...initialLiveState, livePhase: 'connecting', liveSession: session });
    return this.join(session, media, muted, false);
  }

  private async join(
    session: LiveSession,
    media: HostMedia,
    muted: Partial<Record<HostSource, boolean>>,
    undoOnFailure: boolean,
  ): Promise<boolean> {
    this.session = session;
    this.update({ livePhase: 'connecting', liveSession: session, liveError: null });
    const room = this.deps.createRoom(this.roomEvents());
    this.room = room;
    let stage: 'connect' | 'publish' = 'connect';
    try {
      await room.connect(session.livekitUrl, session.hostToken);
      stage = 'publish';
      this.update({ livePhase: 'publishing' });
      await room.publisher.publishAll(media, muted);
    } catch (error) {
      this.room = null;
      await room.leave().catch(() => undefined);
      const kind = stage === 'publish' ? 'publish' : ((error as { kind?: 'unreachable' | 'unauthorized' | 'other' }).kind ?? 'other');
      const message = error instanceof Error ? error.message : String(error);
      // Undo only a start we made: a resumed stream was live before and must stay in history.
      if (undoOnFailure)
        await this.deps.api.invoke('stream.abort', {
          streamId: session.streamId,
          reason: stage === 'connect' ? 'connect_failed' : 'publish_failed',
        });
      this.session = null;
      this.update({ livePhase: 'idle', liveSession: null, liveError: liveErrorFromRoom(kind, message) });
      return false;
    }
    this.update({ livePhase: 'live', liveConnection: 'connected' });
    this.startTimers();
    void this.reportViewers();
    return true;
  }

  private roomEvents(): HostRoomEvents {
    return {
      connection: (liveConnection) => this.update({ liveConnection }),
      quality: (liveQuality) => {
        if (liveQuality === 'unknown') return;
        this.serverQuality = true;
        this.update({ liveQuality });
      },
      viewers: () => void this.reportViewers(),
      presence: (change) => this.notePresence(change),
      screenEnded: () => undefined,
      left: (reason) => this.onLeft(reason),
    };
  }

  private onLeft(reason: HostLeftReason): void {
    if (this.phase === 'ending' || !this.room) return;
    if (reason === 'room_deleted') this.finish({ liveEndedElsewhere: true });
    else this.update({ liveConnection: 'lost' });
  }

  /** Leaves a dropped room without ending the stream, so it can be resumed with a fresh token. */
  detach(): void {
    if (this.phase === 'live') this.finish({});
  }

  /** Main says the stream is no longer live (ended from elsewhere or closed on restart). */
  endedByMain(): void {
    if (this.phase === 'live') this.finish({ liveEndedElsewhere: true });
  }

  /** Ends the stream for everyone: main deletes the room and finalises the record. */
  async end(): Promise<boolean> {
    const session = this.session;
    if (!session || this.phase !== 'live') return false;
    this.update({ livePhase: 'ending', liveError: null });
    const ended = await this.deps.api.invoke('stream.end', { streamId: session.streamId });
    if (!ended.ok) {
      this.update({ livePhase: 'live', liveError: liveErrorFromApp(ended.error, 'end') });
      return false;
    }
    this.finish({ liveEnded: ended.value });
    return true;
  }

  private finish(patch: Partial<LiveState>): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const room = this.room;
    this.room = null;
    this.session = null;
    this.lastSample = null;
    this.reportedViewers = -1;
    this.pendingJoined.clear();
    this.pendingLeft.clear();
    this.serverQuality = false;
    void room?.leave().catch(() => undefined);
    this.update({ ...initialLiveState, ...patch, livePhase: 'idle' });
  }

  /** Swaps (or with null, turns off) a source on air; a no-op when not live. */
  async replace(source: HostSource, track: MediaStreamTrack | null, keepMuted = false): Promise<void> {
    if (this.room && this.phase === 'live') await this.room.publisher.replace(source, track, keepMuted);
  }

  /** Mutes or unmutes a published source; a no-op when not live. */
  async setMuted(source: HostSource, muted: boolean): Promise<void> {
    if (this.room && this.phase === 'live') await this.room.publisher.setMuted(source, muted);
  }

  private startTimers(): void {
    this.timers.push(setInterval(() => void this.sampleStats(), this.deps.statsEveryMs ?? 1000));
    this.timers.push(setInterval(() => void this.reportViewers(true), this.deps.reportEveryMs ?? 5000));
  }

  private async sampleStats(): Promise<void> {
    const room = this.room;
    if (!room) return;
    const sample = await room.sampleStats().catch(() => null);
    if (!sample || room !== this.room) return;
    if (this.lastSample) {
      const rates = outboundRates(this.lastSample, sample, room.publisher.isOnAir('screen') ? 'screen_share' : 'camera');
      this.update({
        liveBitrateKbps: rates.bitrateKbps,
        liveFps: rates.fps,
        ...(this.serverQuality ? {} : { liveQuality: uplinkQuality(sample) }),
      });
    }
    this.lastSample = sample;
  }

  private notePresence(change: AudienceChange): void {
    for (const viewer of change.joined) {
      this.pendingLeft.delete(viewer.identity);
      this.pendingJoined.set(viewer.identity, viewer);
    }
    for (const identity of change.left) {
      this.pendingJoined.delete(identity);
      this.pendingLeft.add(identity);
    }
    void this.reportViewers(true);
  }

  /**
   * Sends the host's own view of the audience to main: the count at once when it changed (and as
   * a heartbeat), with the joins and leaves since the last report, in batches the contract allows.
   */
  private async reportViewers(heartbeat = false): Promise<void> {
    const room = this.room;
    const session = this.session;
    if (!room || !session || this.phase !== 'live') return;
    const viewers = room.viewerCount();
    if (!heartbeat && viewers === this.reportedViewers) return;
    this.reportedViewers = viewers;
    do {
      const joined = [...this.pendingJoined.values()].slice(0, ROOM_VIEW_BATCH);
      const left = [...this.pendingLeft].slice(0, ROOM_VIEW_BATCH);
      for (const viewer of joined) this.pendingJoined.delete(viewer.identity);
      for (const identity of left) this.pendingLeft.delete(identity);
      const changes = { ...(joined.length > 0 ? { joined } : {}), ...(left.length > 0 ? { left } : {}) };
      const result = await this.deps.api.invoke('stream.reportRoomView', { streamId: session.streamId, viewers, ...changes });
      if (result.ok && result.value.streamId === session.streamId) this.applyViewerCount(result.value.viewers, result.value.peak);
    } while (this.pendingJoined.size + this.pendingLeft.size > 0 && this.session === session);
  }

  /** A `viewers.count` event from main. */
  applyViewerCount(viewers: number, peak: number, streamId = this.session?.streamId): void {
    if (streamId && streamId === this.session?.streamId) this.update({ liveViewers: viewers, livePeakViewers: peak });
  }
}
