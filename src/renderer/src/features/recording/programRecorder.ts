import type { StudioClient } from '../../../../shared/contract/studioClient';
import { RECORDING_PIECE_BYTES } from '../../../../shared/domain/recording';

/** MediaRecorder as the recorder uses it (see programSource.ts; tests pass a fake). */
export interface RecorderLike {
  /** Starts recording; `data` gets a chunk every `timesliceMs`. */
  start(timesliceMs: number, events: { data(chunk: Blob): void; error(error: unknown): void }): void;
  /** Stops; resolves after the last chunk was handed to `data`. */
  stop(): Promise<void>;
}

/** A recorder over the composed program, and how to let go of what feeds it. */
export interface ProgramSource {
  recorder: RecorderLike;
  mimeType: string;
  release(): Promise<void> | void;
}

/** What the live bar shows about the recording. */
export type RecordingState =
  | { state: 'off' }
  | { state: 'starting' }
  | { state: 'recording'; recordingId: string; bytes: number; startedAt: number }
  | { state: 'stopping'; recordingId: string; bytes: number }
  | { state: 'saved'; recordingId: string; bytes: number; durationMs: number }
  | { state: 'failed'; message: string; bytes: number };

export interface ProgramRecorderDeps {
  api: Pick<StudioClient, 'invoke'>;
  /** Builds the compositor, mixer and MediaRecorder; throws when this browser cannot record. */
  createSource(): ProgramSource;
  onState(state: RecordingState): void;
  now?: () => number;
  /** Waits between retries of a piece main did not take (tests shorten it). */
  retryDelaysMs?: readonly number[];
}

/** MediaRecorder hands over a chunk this often: at most this much is lost if the studio dies. */
export const CHUNK_MS = 1_000;

/** Base64 without a library: btoa over binary strings, in slices small enough for fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 8_192) binary += String.fromCharCode(...bytes.subarray(at, at + 8_192));
  return btoa(binary);
}

/**
 * Records the program while live: MediaRecorder yields a chunk every second; each is cut into
 * pieces main writes to the data directory at once (in order, with the byte offset, so a piece
 * sent twice is written once). If main stops taking pieces the recording ends as failed, with
 * everything written so far kept; the live stream itself is never affected.
 */
export class ProgramRecorder {
  private source: ProgramSource | null = null;
  private recordingId: string | null = null;
  private startedAt = 0;
  private written = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: string | null = null;
  /** Between asking main for a file and having one: a second start must not open another. */
  private starting = false;
  private readonly now: () => number;

  constructor(private readonly deps: ProgramRecorderDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Starting or recording. */
  get active(): boolean {
    return this.source !== null || this.starting;
  }

  async start(streamId: string): Promise<boolean> {
    if (this.active) return false;
    this.starting = true;
    try {
      return await this.open(streamId);
    } finally {
      this.starting = false;
    }
  }

  private async open(streamId: string): Promise<boolean> {
    this.deps.onState({ state: 'starting' });
    let source: ProgramSource;
    try {
      source = this.deps.createSource();
    } catch (error) {
      this.deps.onState({ state: 'failed', message: `Recording is not available here: ${messageOf(error)}`, bytes: 0 });
      return false;
    }
    const opened = await this.deps.api.invoke('recording.start', { streamId, mimeType: source.mimeType });
    if (!opened.ok) {
      await source.release();
      this.deps.onState({ state: 'failed', message: opened.error.message, bytes: 0 });
      return false;
    }
    this.source = source;
    this.recordingId = opened.value.id;
    this.written = 0;
    this.failure = null;
    this.chain = Promise.resolve();
    this.startedAt = this.now();
    source.recorder.start(CHUNK_MS, {
      data: (chunk) => {
        if (chunk.size > 0) this.chain = this.chain.then(() => this.upload(chunk));
      },
      error: (error) => void this.fail(`The recorder stopped: ${messageOf(error)}`),
    });
    this.deps.onState({ state: 'recording', recordingId: opened.value.id, bytes: 0, startedAt: this.startedAt });
    return true;
  }

  /** Ends the recording: the last chunk is written, then main completes the file. */
  async stop(): Promise<void> {
    const source = this.source;
    const recordingId = this.recordingId;
    if (!source || !recordingId) return;
    this.deps.onState({ state: 'stopping', recordingId, bytes: this.written });
    await source.recorder.stop();
    await this.chain;
    await this.close(source, recordingId);
  }

  private async close(source: ProgramSource, recordingId: string): Promise<void> {
    if (this.source !== source) return;
    this.source = null;
    this.recordingId = null;
    const durationMs = Math.max(0, this.now() - this.startedAt);
    await source.release();
    const finished = await this.deps.api.invoke('recording.finish', {
      recordingId,
      durationMs,
      ...(this.failure ? { error: this.failure } : {}),
    });
    if (this.failure) this.deps.onState({ state: 'failed', message: this.failure, bytes: this.written });
    else if (!finished.ok) this.deps.onState({ state: 'failed', message: finished.error.message, bytes: this.written });
    else this.deps.onState({ state: 'saved', recordingId, bytes: finished.value.bytes, durationMs: finished.value.durationMs });
  }

  private async upload(chunk: Blob): Promise<void> {
    const recordingId = this.recordingId;
    if (!recordingId || this.failure) return;
    const bytes = new Uint8Array(await chunk.arrayBuffer());
    for (let at = 0; at < bytes.length; at += RECORDING_PIECE_BYTES) {
      const piece = bytes.subarray(at, at + RECORDING_PIECE_BYTES);
      const error = await this.appendWithRetry(recordingId, this.written, toBase64(piece));
      if (error) {
        await this.fail(`Recording stopped: ${error}`);
        return;
      }
      this.written += piece.length;
    }
    if (this.recordingId === recordingId)
      this.deps.onState({ state: 'recording', recordingId, bytes: this.written, startedAt: this.startedAt });
  }

  /** Null when main took the piece; otherwise the last error message. */
  private async appendWithRetry(recordingId: string, offset: number, data: string): Promise<string | null> {
    const delays = this.deps.retryDelaysMs ?? [500, 2_000];
    let message = '';
    for (let attempt = 0; attempt <= delays.length; attempt += 1) {
      const durationMs = Math.max(0, this.now() - this.startedAt);
      const answer = await this.deps.api.invoke('recording.append', { recordingId, offset, data, durationMs });
      if (answer.ok) return null;
      message = answer.error.message;
      // Bad input or a closed recording will not get better by asking again.
      if (answer.error.code === 'bad_request' || answer.error.code === 'not_found' || answer.error.code === 'conflict') break;
      if (attempt < delays.length) await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
    return message;
  }

  private async fail(message: string): Promise<void> {
    const source = this.source;
    const recordingId = this.recordingId;
    if (!source || !recordingId || this.failure) return;
    this.failure = message;
    await source.recorder.stop();
    await this.close(source, recordingId);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
