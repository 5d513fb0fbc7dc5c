import type { GoLiveParams, LiveSession } from '../../../../shared/domain/live';
import { browserTimers, type Timers } from '../../api/pushFallback';
import type { AudienceChange, HostConnection, HostLeftReason } from '../../livekit/hostRoom';
import { outboundRates, uplinkQuality, type OutboundSample } from '../../livekit/localStats';
import type { HostMedia, HostSource } from '../../livekit/publisher';
import { AudienceReport } from './audienceReport';
import { Reconnector } from './hostReconnect';
import { liveErrorFromApp, liveErrorFromRoom } from './liveErrors';
import { initialLiveState, leaveQuietly, type GoLiveDeps, type LivePhase, type LiveRoom, type LiveState } from './liveState';

/** How long the live bar says "Reconnected" after the studio got back on air by itself. */
const RECOVERED_NOTE_MS = 5_000;

/**
 * Going live, staying live and ending, outside React. A start that fails after `stream.start`
 * succeeded is undone with `stream.abort`, so no half-live stream is left in history. When
 * LiveKit drops the host (server restart, network loss) the flow stays live and retries by
 * itself: it asks main for the session again (main recreates a lost room), joins and republishes
 * the media that was on air.
 */
export class GoLiveFlow {
  private room: LiveRoom | null = null;
  /** The room a retry is joining; its presence events count before it is the room. */
  private joining: LiveRoom | null = null;
  /** What is on air, kept current through replace/setMuted so a retry republishes it. */
  private media: HostMedia | null = null;
  private muted: Partial<Record<HostSource, boolean>> = {};
  private connection: HostConnection | 'lost' = 'connecting';
  private readonly reconnector: Reconnector;
  private recoveredTimer: unknown = null;
  private readonly clock: Timers;
  private session: LiveSession | null = null;
  private phase: LivePhase = 'idle';
  private timers: ReturnType<typeof setInterval>[] = [];
  private lastSample: OutboundSample | null = null;
  private readonly audience: AudienceReport;
  /** Set once LiveKit sends its own quality grade; until then the flow grades from getStats. */
  private serverQuality = false;

  constructor(private readonly deps: GoLiveDeps) {
    this.audience = new AudienceReport(deps.api, (streamId, viewers, peak) => this.applyViewerCount(viewers, peak, streamId));
    this.clock = deps.reconnectTimers ?? browserTimers;
    this.reconnector = new Reconnector({
      attempt: () => this.rejoin(),
      onAttempt: (n) => this.update({ liveConnection: 'reconnecting', liveRetryAttempt: n }),
      onOnline: deps.onOnline,
      timers: this.clock,
    });
  }

  private update(patch: Partial<LiveState>): void {
    if (patch.livePhase) this.phase = patch.livePhase;
    if (patch.liveConnection) this.connection = patch.liveConnection;
    this.deps.onChange(patch);
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
    this.media = { ...media };
    this.muted = { ...muted };
    this.update({ livePhase: 'connecting', liveSession: session, liveError: null });
    const room = this.openRoom();
    this.room = room;
    let stage: 'connect' | 'publish' = 'connect';
    try {
      await room.connect(session.livekitUrl, session.hostToken);
      stage = 'publish';
      this.update({ livePhase: 'publishing' });
      await room.publisher.publishAll(media, muted);
    } catch (error) {
      this.room = null;
      await leaveQuietly(room);
      const kind = stage === 'publish' ? 'publish' : ((error as { kind?: 'unreachable' | 'unauthorized' | 'other' }).kind ?? 'other');
      const message = error instanceof Error ? error.message : String(error);
      // Undo only a start we made: a resumed stream was live before and must stay in history.
      const reason = stage === 'connect' ? 'connect_failed' : 'publish_failed';
      if (undoOnFailure) await this.deps.api.invoke('stream.abort', { streamId: session.streamId, reason });
      this.session = null;
      this.update({ livePhase: 'idle', liveSession: null, liveError: liveErrorFromRoom(kind, message) });
      return false;
    }
    this.update({ livePhase: 'live', liveConnection: 'connected' });
    this.startTimers();
    void this.reportViewers();
    return true;
  }

  /** A room whose events count only while it is the flow's room (or the one a retry is joining). */
  private openRoom(): LiveRoom {
    const room = this.deps.createRoom();
    const ours = () => room === this.room || room === this.joining;
    room.on('connection', (liveConnection) => {
      // During a retry the bar says which attempt runs, not the new room's own connecting.
      if (!ours() || this.reconnector.retrying) return;
      const recovering = this.connection === 'reconnecting' && liveConnection === 'connected';
      this.update({ liveConnection });
      // LiveKit got us back by itself, maybe into a room a restarted server created bare:
      // asking main for the session again puts the program back into its metadata.
      if (recovering && this.phase === 'live') void this.deps.api.invoke('stream.current', {});
    });
    room.on('quality', (liveQuality) => {
      if (liveQuality === 'unknown' || !ours()) return;
      this.serverQuality = true;
      this.update({ liveQuality });
    });
    room.on('viewers', () => ours() && void this.reportViewers());
    room.on('presence', (change) => ours() && this.notePresence(change));
    room.on('left', (reason) => ours() && this.onLeft(reason));
    return room;
  }

  private onLeft(reason: HostLeftReason): void {
    if (this.phase === 'ending' || !this.room || this.reconnector.retrying) return;
    if (reason === 'room_deleted') this.finish({ liveEndedElsewhere: true });
    // Removed, or the same host joined from elsewhere: retrying would throw the other one out.
    else if (reason === 'removed') this.update({ liveConnection: 'lost' });
    else this.beginReconnect();
  }

  /** Leaves the dropped room and retries until back on air or the stream ends. */
  private beginReconnect(): void {
    const dropped = this.room;
    this.room = null;
    this.lastSample = null;
    if (dropped) void leaveQuietly(dropped);
    this.clearRecovered();
    this.update({ liveConnection: 'reconnecting', liveBitrateKbps: null, liveFps: null, liveRecovered: false });
    this.reconnector.start();
  }

  /** One retry: a fresh session from main, a new room, the media republished. True when done. */
  private async rejoin(): Promise<boolean> {
    const streamId = this.session?.streamId;
    if (this.phase !== 'live' || !streamId || !this.media) return true;
    const current = await this.deps.api.invoke('stream.current', {});
    if (!this.reconnector.retrying || this.phase !== 'live') return true;
    if (!current.ok) return false;
    if (current.value?.streamId !== streamId) {
      this.finish({ liveEndedElsewhere: true });
      return true;
    }
    const session = current.value;
    const room = this.openRoom();
    this.joining = room;
    try {
      await room.connect(session.livekitUrl, session.hostToken);
      await room.publisher.publishAll(this.media, this.muted);
    } catch {
      await leaveQuietly(room);
      return false;
    } finally {
      this.joining = null;
    }
    if (!this.reconnector.retrying || this.phase !== 'live') {
      await leaveQuietly(room);
      return true;
    }
    this.room = room;
    this.session = session;
    // Done retrying before anyone hears about it: a drop right after must start a new round.
    this.reconnector.stop();
    this.update({ liveSession: session, liveConnection: 'connected', liveRetryAttempt: null, liveRecovered: true });
    this.recoveredTimer = this.clock.set(() => this.update({ liveRecovered: false }), RECOVERED_NOTE_MS);
    // Main's try may have come while the server was down and our join created the room bare.
    void this.deps.api.invoke('stream.current', {});
    void this.reportViewers(true);
    return true;
  }

  private clearRecovered(): void {
    if (this.recoveredTimer !== null) this.clock.clear(this.recoveredTimer);
    this.recoveredTimer = null;
  }

  /** "Reconnect now": skips the wait of a retry, or starts one after a drop that did not retry. */
  reconnectNow(): void {
    if (this.reconnector.retrying) this.reconnector.now();
    else if (this.phase === 'live' && this.connection === 'lost') this.beginReconnect();
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
    this.reconnector.stop();
    this.clearRecovered();
    this.media = null;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const room = this.room;
    this.room = null;
    this.session = null;
    this.lastSample = null;
    this.audience.reset();
    this.serverQuality = false;
    if (room) void leaveQuietly(room);
    this.update({ ...initialLiveState, ...patch, livePhase: 'idle' });
  }

  /** Swaps (or with null, turns off) a source on air; a no-op when not live. */
  async replace(source: HostSource, track: MediaStreamTrack | null, keepMuted = false): Promise<void> {
    if (this.phase !== 'live') return;
    if (this.media) this.media[source] = track;
    if (this.room) await this.room.publisher.replace(source, track, keepMuted);
  }

  /** Mutes or unmutes a published source; a no-op when not live. */
  async setMuted(source: HostSource, muted: boolean): Promise<void> {
    if (this.phase !== 'live') return;
    this.muted[source] = muted;
    if (this.room) await this.room.publisher.setMuted(source, muted);
  }

  private startTimers(): void {
    this.timers.push(setInterval(() => void this.sampleStats(), this.deps.statsEveryMs ?? 1000));
    this.timers.push(setInterval(() => void this.reportViewers(true), this.deps.reportEveryMs ?? 5000));
  }

  private async sampleStats(): Promise<void> {
    const room = this.room;
    if (!room) return;
    // A sample taken while the room closes fails; the next one comes at the next tick.
    const sample = await room.sampleStats().catch(() => null);
    if (!sample || room !== this.room) return;
    if (sample.availableOutgoingKbps) this.update({ liveAvailableOutgoingKbps: sample.availableOutgoingKbps });
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
    this.audience.note(change);
    void this.reportViewers(true);
  }

  private async reportViewers(heartbeat = false): Promise<void> {
    const room = this.room;
    const session = this.session;
    if (!room || !session || this.phase !== 'live') return;
    await this.audience.report(session.streamId, room.viewerCount(), heartbeat, () => this.session === session);
  }

  /** A `viewers.count` event from main. */
  applyViewerCount(viewers: number, peak: number, streamId = this.session?.streamId): void {
    if (streamId && streamId === this.session?.streamId) this.update({ liveViewers: viewers, livePeakViewers: peak });
  }
}
