import { placePiece } from './pieceOffset';
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Recording } from '../../shared/domain/recording';
import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import {
  closeRecording,
  getRecording,
  insertRecording,
  listOpenRecordings,
  noteRecordingProgress,
  recordingFilesOfStream,
} from '../db/history/recordings';
import type { Logger } from '../logging';
import type { LiveStreamService } from '../stream/liveStreamService';
import { recordingFileName } from './fileNames';
import { PlaybackTickets } from './playbackTickets';
import { ProgramFeeds, type ProgramTee } from './programFeeds';
import { writeWebmDuration } from './webmDuration';

/** A recording nobody appended to for this long was left by a studio that went away. */
const STALE_AFTER_MS = 60_000;
/** Pieces arrive several times a second; flushing to disk once a second bounds what a power cut loses. */
const SYNC_EVERY_MS = 1_000;
/** Random bytes in a recording id: unique enough, and short in file names. */
const RECORDING_ID_BYTES = 9;

interface OpenFile {
  handle: FileHandle;
  bytes: number;
  syncedAt: number;
  /** Appends and the finish run one after another, in arrival order. */
  queue: Promise<unknown>;
}

export interface RecordingServiceDeps {
  db: Database;
  dataDir: string;
  streams: Pick<LiveStreamService, 'liveStream'>;
  log: Logger;
  /** Base of the playback address (the embedded server's local URL). */
  localUrl: () => string;
  /** Shows a file in the system file manager (desktop app only). */
  reveal?: (path: string) => void;
  now?: () => number;
  /** Gets every piece too (multistream): one composition feeds both the file and the encoder. */
  program?: ProgramTee;
  /** False when Settings turn recording off: the program still flows to `program`, no file is kept. */
  keepFile?: () => boolean;
}

/**
 * Local recordings: the studio composes and encodes the program, and this writes each piece to
 * `<data dir>/recordings` the moment it arrives, with the size and duration in SQLite, so a crash
 * loses at most the piece in flight. Playback goes through short-lived tickets on the server.
 */
export class RecordingService {
  readonly dir: string;
  private readonly now: () => number;
  private readonly files = new Map<string, OpenFile>();
  private readonly feeds: ProgramFeeds;
  private readonly tickets: PlaybackTickets;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly deps: RecordingServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.tickets = new PlaybackTickets(this.now);
    this.feeds = new ProgramFeeds(deps.program);
    this.dir = join(deps.dataDir, 'recordings');
    this.sweeper = setInterval(() => void this.closeStale(), STALE_AFTER_MS / 2);
    this.sweeper.unref();
  }

  /** At start: recordings a crash left open keep what reached the disk and become `interrupted`. */
  recoverAbandoned(): number {
    const open = listOpenRecordings(this.deps.db);
    for (const recording of open) {
      closeRecording(this.deps.db, recording.id, {
        status: 'interrupted',
        bytes: this.sizeOnDisk(recording),
        at: recording.endedAt ?? this.now(),
      });
    }
    return open.length;
  }

  async start(params: { streamId: string; mimeType: string }): Promise<Recording> {
    const live = this.deps.streams.liveStream();
    if (!live || live.stream.id !== params.streamId) throw new AppFailure('conflict', 'Recording starts only while this stream is live');
    // A reload of the studio starts a new file; the old one keeps what it has.
    for (const recording of listOpenRecordings(this.deps.db)) {
      if (recording.streamId === params.streamId) await this.close(recording.id, { status: 'interrupted' });
    }
    this.feeds.endAll();
    const id = `rec_${randomBytes(RECORDING_ID_BYTES).toString('base64url')}`;
    const startedAt = this.now();
    this.deps.program?.begin(params.streamId);
    if (this.deps.keepFile?.() === false) {
      const recording: Recording = {
        id,
        streamId: params.streamId,
        fileName: '',
        mimeType: params.mimeType,
        bytes: 0,
        durationMs: 0,
        startedAt,
        endedAt: null,
        status: 'recording',
        error: null,
      };
      return this.feeds.open(recording);
    }
    mkdirSync(this.dir, { recursive: true });
    const fileName = recordingFileName(live.stream.title, startedAt, id);
    const handle = await open(join(this.dir, fileName), 'wx', 0o600);
    this.files.set(id, { handle, bytes: 0, syncedAt: startedAt, queue: Promise.resolve() });
    return insertRecording(this.deps.db, { id, streamId: params.streamId, fileName, mimeType: params.mimeType, startedAt });
  }

  append(params: { recordingId: string; offset: number; data: string; durationMs: number }): Promise<{ bytes: number }> {
    const fed = this.feeds.append(params.recordingId, params);
    if (fed) return Promise.resolve(fed);
    const file = this.openFile(params.recordingId);
    const piece = Buffer.from(params.data, 'base64');
    return this.serialize(file, async () => {
      if (placePiece('recording', file.bytes, params.offset, piece.length) === 'resent') return { bytes: file.bytes };
      this.deps.program?.piece(piece);
      await file.handle.write(piece, 0, piece.length, params.offset);
      file.bytes += piece.length;
      const at = this.now();
      if (at - file.syncedAt >= SYNC_EVERY_MS) {
        await file.handle.datasync();
        file.syncedAt = at;
      }
      noteRecordingProgress(this.deps.db, params.recordingId, { bytes: file.bytes, durationMs: params.durationMs, at });
      return { bytes: file.bytes };
    });
  }

  /** Completes a recording (its duration is written into the file) or marks it failed. */
  async finish(params: { recordingId: string; durationMs: number; error?: string }): Promise<Recording> {
    const feed = this.feeds.end(params.recordingId);
    if (feed)
      return {
        ...feed,
        durationMs: params.durationMs,
        endedAt: this.now(),
        status: params.error ? 'failed' : 'complete',
        error: params.error ?? null,
      };
    const recording = getRecording(this.deps.db, params.recordingId);
    if (!recording) throw new AppFailure('not_found', 'No recording with that id');
    if (recording.status !== 'recording') return recording;
    const closed = await this.close(params.recordingId, {
      status: params.error ? 'failed' : 'complete',
      durationMs: params.durationMs,
      error: params.error,
    });
    if (!closed) throw new AppFailure('not_found', 'No recording with that id');
    return closed;
  }

  playback(recordingId: string): { path: string; url: string; expiresAt: number } {
    this.requireFile(recordingId);
    const { ticket, expiresAt } = this.tickets.issue(recordingId);
    const path = `/recordings/${recordingId}?ticket=${ticket}`;
    return { path, url: `${this.deps.localUrl()}${path}`, expiresAt };
  }

  /** The file behind a playback ticket, or null when the ticket is unknown, expired or for another recording. */
  fileForTicket(recordingId: string, ticket: string): { path: string; mimeType: string } | null {
    if (!this.tickets.admits(recordingId, ticket)) return null;
    const recording = getRecording(this.deps.db, recordingId);
    return recording ? { path: this.pathOf(recording), mimeType: 'video/webm' } : null;
  }

  reveal(recordingId: string): { path: string; revealed: boolean } {
    const path = this.requireFile(recordingId);
    if (!this.deps.reveal) return { path, revealed: false };
    this.deps.reveal(path);
    return { path, revealed: true };
  }

  /** Called before a stream's rows are deleted: its files go with it. */
  deleteFilesOfStream(streamId: string): void {
    for (const fileName of recordingFilesOfStream(this.deps.db, streamId)) {
      try {
        unlinkSync(join(this.dir, basename(fileName)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.deps.log.warn(`Could not delete recording ${fileName}`, error);
      }
    }
  }

  /** Closes the file and the row; undefined when the row is gone (its stream was deleted). */
  async close(
    recordingId: string,
    end: { status: 'complete' | 'failed' | 'interrupted'; durationMs?: number; error?: string },
  ): Promise<Recording | undefined> {
    const file = this.files.get(recordingId);
    if (file) {
      this.files.delete(recordingId);
      this.deps.program?.end();
      await this.serialize(file, async () => {
        await file.handle.datasync();
        await file.handle.close();
      }).catch((error: unknown) => this.deps.log.warn('Closing a recording file failed', error));
    }
    const recording = getRecording(this.deps.db, recordingId);
    if (!recording) return undefined;
    const durationMs = Math.max(recording.durationMs, end.durationMs ?? 0);
    if (end.status === 'complete' && durationMs > 0) {
      // Players show a length and a seek bar only when the file states its duration.
      await writeWebmDuration(this.pathOf(recording), durationMs).catch((error: unknown) =>
        this.deps.log.warn('Could not write the duration into the recording', error),
      );
    }
    return closeRecording(this.deps.db, recordingId, { ...end, bytes: this.sizeOnDisk(recording), durationMs, at: this.now() });
  }

  async shutdown(): Promise<void> {
    clearInterval(this.sweeper);
    this.feeds.endAll();
    for (const id of [...this.files.keys()]) await this.close(id, { status: 'interrupted' });
  }

  private async closeStale(): Promise<void> {
    for (const recording of listOpenRecordings(this.deps.db, this.now() - STALE_AFTER_MS)) {
      await this.close(recording.id, { status: 'interrupted' }).catch((error: unknown) =>
        this.deps.log.warn('Closing an idle recording failed', error),
      );
    }
  }

  private openFile(recordingId: string): OpenFile {
    const file = this.files.get(recordingId);
    if (file) return file;
    const recording = getRecording(this.deps.db, recordingId);
    throw recording
      ? new AppFailure('conflict', 'This recording is already closed')
      : new AppFailure('not_found', 'No recording with that id');
  }

  private requireFile(recordingId: string): string {
    const recording = getRecording(this.deps.db, recordingId);
    if (!recording) throw new AppFailure('not_found', 'No recording with that id');
    return this.pathOf(recording);
  }

  private pathOf(recording: Recording): string {
    return join(this.dir, basename(recording.fileName));
  }

  private sizeOnDisk(recording: Recording): number {
    try {
      return statSync(this.pathOf(recording)).size;
    } catch {
      // Missing file: nothing of it is on disk.
      return 0;
    }
  }

  private serialize<T>(file: OpenFile, run: () => Promise<T>): Promise<T> {
    const next = file.queue.then(run);
    // The caller gets `next` and its failure; the queue only has to keep going after it.
    file.queue = next.catch(() => undefined);
    return next;
  }
}
