import { join } from 'node:path';
import type { z } from 'zod';
import {
  ingestUrl,
  type Destination,
  type DestinationAddSchema,
  type DestinationStatus,
  type DestinationUpdateSchema,
  type MultistreamStatus,
} from '../../shared/domain/multistream';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { closeOpenDestinationSessions, noteDestinationSession, openDestinationSession } from '../db/history/destinationSessions';
import type { Logger } from '../logging';
import type { SecretStore } from '../settings/secretStore';
import { ChildRegistry } from './childRegistry';
import { DestinationRunner, type RunnerStatus } from './destinationRunner';
import { DestinationStore } from './destinationStore';
import { ProgramEncoder } from './programEncoder';

interface SessionRow {
  rowId: number;
  failures: number;
  lastError: string | null;
  state: RunnerStatus['state'];
  /** Live time of earlier runners in this session (turned off and on again). */
  liveBefore: number;
}

export interface MultistreamServiceDeps {
  db: Database;
  secrets: SecretStore;
  dataDir: string;
  bus: Pick<EventBus, 'emit'>;
  log: Logger;
  /** Path of the ffmpeg binary (see ffmpegBinary.ts). */
  ffmpeg: string;
}

/**
 * Sends the program to RTMP(S) destinations. The recording path tees the studio's WebM pieces
 * here (`begin`/`piece`/`end`); one encoder turns them into H.264 + AAC and each enabled
 * destination gets its own copy-only remux, so a second or third destination costs no second
 * encode and one failing destination never affects the others, LiveKit or the recording.
 */
export class MultistreamService {
  readonly store: DestinationStore;
  private readonly registry: ChildRegistry;
  private encoder: ProgramEncoder | null = null;
  private readonly runners = new Map<string, DestinationRunner>();
  private readonly statuses = new Map<string, RunnerStatus>();
  /** History rows of this program session, one per destination used. */
  private readonly sessions = new Map<string, SessionRow>();
  private streamId: string | null = null;
  /** Every log line is scrubbed of the keys: read them from the secret store only when they change. */
  private keyCache: string[] | null = null;

  constructor(private readonly deps: MultistreamServiceDeps) {
    this.store = new DestinationStore(deps.db, deps.secrets);
    this.registry = new ChildRegistry(join(deps.dataDir, 'multistream.pids'), deps.log);
    closeOpenDestinationSessions(deps.db);
    const reaped = this.registry.reapLeftovers();
    if (reaped > 0) deps.log.warn(`Stopped ${reaped} encoder process(es) a crash left running`);
  }

  list(): Destination[] {
    return this.store.list();
  }

  add(input: z.output<typeof DestinationAddSchema>): Destination {
    const { streamKey, url, ...rest } = input;
    this.keyCache = null;
    const created = this.store.add({ ...rest, url: rest.preset === 'custom' ? url! : '' }, streamKey);
    this.reconcile();
    return this.view(created.id);
  }

  update(input: z.output<typeof DestinationUpdateSchema>): Destination {
    const current = this.store.get(input.id);
    const { streamKey, id, ...change } = input;
    const next = { ...current, ...change, id };
    if (next.preset === 'custom' && next.url === '') throw new AppFailure('bad_request', 'A custom destination needs its rtmp:// address');
    this.keyCache = null;
    this.store.replace(next, streamKey);
    // A new address or key takes effect with a fresh connection.
    if (streamKey !== undefined || change.url !== undefined || change.preset !== undefined) this.stopRunner(id);
    this.reconcile();
    return this.view(id);
  }

  remove(id: string): { removed: true } {
    this.stopRunner(id);
    this.store.remove(id);
    this.keyCache = null;
    this.statuses.delete(id);
    this.publish();
    return { removed: true };
  }

  setEnabled(id: string, enabled: boolean): Destination {
    return this.update({ id, enabled });
  }

  status(): MultistreamStatus {
    const destinations: DestinationStatus[] = this.store.list().map((destination) => {
      const runner = this.runners.get(destination.id);
      if (runner) return { id: destination.id, name: destination.name, ...runner.current() };
      const last = this.statuses.get(destination.id);
      // A refusal or a dead encoder stays visible until the destination is changed or restarted.
      if (last?.state === 'failed') return { id: destination.id, name: destination.name, ...last };
      const state = !destination.enabled ? 'off' : this.encoder ? 'connecting' : 'waiting';
      return {
        id: destination.id,
        name: destination.name,
        state,
        message: null,
        bitrateKbps: 0,
        droppedFrames: last?.droppedFrames ?? 0,
        liveMs: last?.liveMs ?? 0,
      };
    });
    return { encoding: this.encoder !== null, destinations };
  }

  /** Any destination configured: the studio should send the program while live. */
  wantsProgram(): boolean {
    return this.store.list().some((destination) => destination.enabled && destination.hasKey);
  }

  /** The studio opened a program (recording) session: encode it if any destination exists. */
  begin(streamId: string): void {
    this.end();
    this.statuses.clear();
    this.sessions.clear();
    this.streamId = streamId;
    if (this.store.list().length === 0) return;
    const encoder = new ProgramEncoder(this.deps.ffmpeg, this.store.output(), this.registry, (reason) => {
      if (this.encoder !== encoder) return;
      this.deps.log.warn(`Multistream encoder stopped: ${this.redact(reason ?? 'ended')}`);
      this.encoder = null;
      for (const id of [...this.runners.keys()])
        this.stopRunner(id, { state: 'failed', message: `The encoder stopped: ${this.redact(reason ?? 'ended')}` });
      this.publish();
    });
    this.encoder = encoder;
    this.reconcile();
  }

  piece(data: Buffer): void {
    this.encoder?.write(data);
  }

  /** The program ended (End stream, or the studio went away): every destination stops cleanly. */
  end(): void {
    const encoder = this.encoder;
    this.encoder = null;
    for (const id of [...this.runners.keys()]) this.stopRunner(id);
    encoder?.end();
    this.publish();
  }

  shutdown(): void {
    this.end();
    this.registry.close();
  }

  /** Every stream key, so log lines and messages can be scrubbed of them. */
  keys(): string[] {
    this.keyCache ??= this.store
      .list()
      .map((destination) => this.store.keyOf(destination.id))
      .filter((key): key is string => key !== null && key.length >= 4);
    return this.keyCache;
  }

  redact(text: string): string {
    let out = text;
    for (const key of this.keys()) out = out.split(key).join('[key]');
    return out;
  }

  /** Starts runners for enabled destinations and stops the rest, while the encoder runs. */
  private reconcile(): void {
    for (const destination of this.store.list()) {
      const wanted = this.encoder !== null && destination.enabled && destination.hasKey;
      if (wanted && !this.runners.has(destination.id)) this.startRunner(destination.id);
      if (!wanted && this.runners.has(destination.id)) this.stopRunner(destination.id);
    }
    this.publish();
  }

  private startRunner(id: string): void {
    const encoder = this.encoder;
    const stored = this.store.get(id);
    const key = this.store.keyOf(id);
    if (!encoder || key === null) return;
    const runner = new DestinationRunner({
      ffmpeg: this.deps.ffmpeg,
      url: ingestUrl(stored, key),
      redact: (text) => this.redact(text),
      fanout: encoder.fanout,
      registry: this.registry,
      log: this.deps.log,
      label: JSON.stringify(stored.name),
      onStatus: (status) => {
        if (this.runners.get(id) !== runner) return;
        this.record(id, status);
        this.statuses.set(id, status);
        this.publish();
      },
    });
    if (this.streamId && !this.sessions.has(id)) {
      const rowId = openDestinationSession(this.deps.db, {
        streamId: this.streamId,
        destinationId: id,
        name: stored.name,
        startedAt: Date.now(),
      });
      this.sessions.set(id, { rowId, failures: 0, lastError: null, state: 'connecting', liveBefore: 0 });
    }
    this.runners.set(id, runner);
    runner.start();
  }

  private stopRunner(id: string, final?: Pick<RunnerStatus, 'state' | 'message'>): void {
    const runner = this.runners.get(id);
    if (!runner) return;
    this.runners.delete(id);
    const last = runner.current();
    runner.stop();
    const closing = { ...last, ...(final ?? {}), bitrateKbps: 0 };
    this.record(id, closing, Date.now());
    const session = this.sessions.get(id);
    if (session) session.liveBefore += last.liveMs;
    this.statuses.set(id, closing);
  }

  /** History: a drop or refusal counts as a failure (once per episode); live time is kept current. */
  private record(id: string, status: RunnerStatus, endedAt?: number): void {
    const session = this.sessions.get(id);
    if (!session) return;
    const dropped =
      (status.state === 'reconnecting' || status.state === 'failed') && session.state !== 'reconnecting' && session.state !== 'failed';
    if (dropped) {
      session.failures += 1;
      session.lastError = status.message;
    }
    if (!dropped && session.state === status.state && endedAt === undefined) return;
    session.state = status.state;
    noteDestinationSession(this.deps.db, session.rowId, {
      liveMs: session.liveBefore + status.liveMs,
      failures: session.failures,
      lastError: session.lastError,
      endedAt,
    });
  }

  private view(id: string): Destination {
    const found = this.store.list().find((destination) => destination.id === id);
    if (!found) throw new AppFailure('not_found', 'No destination with that id');
    return found;
  }

  private publish(): void {
    this.deps.bus.emit('multistream.status', this.status());
  }
}
