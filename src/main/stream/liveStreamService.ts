import { randomBytes } from 'node:crypto';
import type { GoLiveParams, LiveSession, ViewerCount } from '../../shared/domain/live';
import { GoLiveParamsSchema } from '../../shared/domain/live';
import { defaultLayoutFor, type ProgramLayout, type RoomMetadata } from '../../shared/domain/program';
import type { StreamRecord } from '../../shared/domain/stream';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { closeOpenSessions, closeParticipantSession, openParticipantSession } from '../db/history/participantSessions';
import type { RoomViewer } from '../../shared/contract/streamApi';
import { closeOpenStageSessions } from '../db/stage/stageSessions';
import { createStream, deleteStream, endStream, getStream, heartbeatStream, listLiveStreams, notePeakViewers } from '../db/history/streams';
import { addViewerSample } from '../db/history/viewerSamples';
import type { RoomGateway } from '../livekit/roomGateway';
import type { Logger } from '../logging';
import type { SettingsService } from '../settings/settingsService';
import { HOST_IDENTITY } from '../../shared/domain/roles';
import { mintToken } from '../tokens/livekitTokens';
import { ViewerCounter } from './viewerCounter';

/** How often the live row is touched; a crash loses at most this much of the recorded duration. */
const STREAM_ROW_HEARTBEAT_MS = 5_000;

export interface LiveStreamDeps {
  db: Database;
  settings: SettingsService;
  rooms: RoomGateway;
  bus: EventBus;
  log: Logger;
  /** Base for links handed out (public base URL or the local server address). */
  publicUrl: () => string;
  now?: () => number;
}

interface LiveState {
  stream: StreamRecord;
  layout: ProgramLayout;
  counter: ViewerCounter;
  timer: NodeJS.Timeout;
}

/**
 * The stream lifecycle: go live (room + row + host token), heartbeat and viewer samples while
 * live, end (room deleted for everyone, row finalised), and abort (a start that failed to publish
 * leaves nothing behind). One stream at a time.
 */
export class LiveStreamService {
  private live: LiveState | null = null;
  private starting = false;
  private readonly now: () => number;

  constructor(private readonly deps: LiveStreamDeps) {
    this.now = deps.now ?? Date.now;
  }

  async start(params: GoLiveParams): Promise<LiveSession> {
    const input = GoLiveParamsSchema.parse(params);
    if (this.live || this.starting || listLiveStreams(this.deps.db).length > 0) {
      throw new AppFailure('conflict', 'A stream is already live. End it before starting another.');
    }
    this.starting = true;
    try {
      const id = `st_${randomBytes(9).toString('base64url')}`;
      const roomName = `airdeck-${id.slice(3)}`;
      const layout = defaultLayoutFor(input.mode);
      const metadata: RoomMetadata = { v: 1, title: input.title, mode: input.mode, layout };
      // The room first: if LiveKit is unreachable or refuses us, no row is ever written.
      await this.deps.rooms.createRoom(roomName, JSON.stringify(metadata));
      const stream = createStream(this.deps.db, {
        id,
        roomName,
        title: input.title,
        tags: input.tags,
        mode: input.mode,
        startedAt: this.now(),
      });
      const counter = new ViewerCounter(id);
      const timer = setInterval(() => this.tick(), STREAM_ROW_HEARTBEAT_MS);
      timer.unref();
      this.live = { stream, layout, counter, timer };
      const session = await this.session();
      this.emitState();
      this.deps.log.info(`Live: "${stream.title}" in room ${roomName}`);
      return session;
    } finally {
      this.starting = false;
    }
  }

  /**
   * The live session with a fresh host token (a reloaded or reconnecting studio resumes with
   * it), or null. The room is recreated first when LiveKit lost it (a restarted server forgets
   * its rooms), so the host rejoins the same room name its viewers are waiting on.
   */
  async current(): Promise<LiveSession | null> {
    const live = this.live;
    if (!live) return null;
    await this.ensureRoom(live);
    return this.session();
  }

  /**
   * CreateRoom returns a room that exists unchanged, so this only matters when it is gone. Best
   * effort: while LiveKit is unreachable the host's join fails instead, and the studio retries.
   */
  private async ensureRoom(live: LiveState): Promise<void> {
    const metadata: RoomMetadata = { v: 1, title: live.stream.title, mode: live.stream.mode, layout: live.layout };
    try {
      await this.deps.rooms.createRoom(live.stream.roomName, JSON.stringify(metadata));
    } catch (error) {
      this.deps.log.warn(`live: could not make sure room ${live.stream.roomName} exists`, (error as Error).message);
    }
  }

  async end(streamId: string): Promise<StreamRecord> {
    const live = this.requireLive(streamId);
    // Delete the room first so every viewer and guest is disconnected, then finalise the row.
    await this.deps.rooms.deleteRoom(live.stream.roomName);
    this.tick();
    const endedAt = this.now();
    closeOpenSessions(this.deps.db, live.stream.id, endedAt);
    closeOpenStageSessions(this.deps.db, live.stream.id, endedAt);
    notePeakViewers(this.deps.db, live.stream.id, live.counter.current().peak);
    const record = endStream(this.deps.db, live.stream.id, endedAt, 'host_ended');
    this.stopLive();
    this.deps.log.info(`Ended "${live.stream.title}"`);
    if (!record) throw new AppFailure('not_found', 'The stream record disappeared');
    return record;
  }

  /** Undoes a start whose connect or publish failed: no room, no row, nothing half-live. */
  async abort(streamId: string, reason: string): Promise<{ removed: boolean }> {
    const live = this.requireLive(streamId);
    this.stopLive();
    try {
      await this.deps.rooms.deleteRoom(live.stream.roomName);
    } catch (error) {
      this.deps.log.warn(`abort: could not delete room ${live.stream.roomName}`, (error as Error).message);
    }
    const removed = deleteStream(this.deps.db, live.stream.id);
    this.deps.log.info(`Go-live aborted (${reason}); stream row removed`);
    return { removed };
  }

  /**
   * The host's own view of the audience. Joins and leaves open and close viewer sessions the same
   * way verified webhooks do (one open session per viewer, whoever reports it first), so unique
   * viewers, watch time and retention work where LiveKit's webhooks cannot reach us.
   */
  reportRoomView(streamId: string, viewers: number, joined: readonly RoomViewer[] = [], left: readonly string[] = []): ViewerCount {
    const live = this.requireLive(streamId);
    const at = this.now();
    this.deps.db.transaction(() => {
      for (const viewer of joined)
        openParticipantSession(this.deps.db, { streamId, identity: viewer.identity, name: viewer.name, role: 'viewer', joinedAt: at });
      for (const identity of left) closeParticipantSession(this.deps.db, streamId, identity, at);
    })();
    live.counter.reportRoomView(viewers);
    const count = live.counter.current();
    this.deps.bus.emit('viewers.count', count);
    return count;
  }

  /** The live stream's counter and record, for the webhook handler; null when not live. */
  liveStream(): { stream: StreamRecord; counter: ViewerCounter; layout: ProgramLayout } | null {
    return this.live ? { stream: this.live.stream, counter: this.live.counter, layout: this.live.layout } : null;
  }

  viewerCountChanged(): void {
    if (this.live) this.deps.bus.emit('viewers.count', this.live.counter.current());
  }

  close(): void {
    if (this.live) clearInterval(this.live.timer);
  }

  private tick(): void {
    const live = this.live;
    if (!live) return;
    const at = this.now();
    heartbeatStream(this.deps.db, live.stream.id, at);
    const count = live.counter.current();
    addViewerSample(this.deps.db, live.stream.id, { at, viewers: count.viewers });
    notePeakViewers(this.deps.db, live.stream.id, count.peak);
  }

  private requireLive(streamId: string): LiveState {
    if (!this.live || this.live.stream.id !== streamId) {
      throw new AppFailure(
        'not_found',
        getStream(this.deps.db, streamId) ? 'That stream is no longer live' : 'No live stream with that id',
      );
    }
    return this.live;
  }

  private stopLive(): void {
    if (!this.live) return;
    clearInterval(this.live.timer);
    this.live = null;
    this.emitState();
  }

  private async session(): Promise<LiveSession> {
    const view = this.view(this.live!);
    const credentials = this.deps.settings.livekitCredentials();
    const hostToken = await mintToken(credentials, 'host', { room: view.roomName, identity: HOST_IDENTITY, name: 'Host' });
    return { ...view, hostToken };
  }

  private emitState(): void {
    this.deps.bus.emit('stream.state', { live: this.live ? this.view(this.live) : null });
  }

  /** What the studio and co-moderators may know of the live stream (everything but the token). */
  private view(live: LiveState): Omit<LiveSession, 'hostToken'> {
    const { stream } = live;
    return {
      streamId: stream.id,
      roomName: stream.roomName,
      title: stream.title,
      tags: stream.tags,
      mode: stream.mode,
      layout: live.layout,
      startedAt: stream.startedAt,
      livekitUrl: this.deps.settings.livekitCredentials().url,
      hostIdentity: HOST_IDENTITY,
      watchUrl: `${this.deps.publicUrl()}/watch`,
    };
  }
}
