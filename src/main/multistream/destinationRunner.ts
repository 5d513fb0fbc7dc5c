import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { DestinationState } from '../../shared/domain/multistream';
import type { Logger } from '../logging';
import type { ChildRegistry } from './childRegistry';
import { ProgressParser } from './ffmpegProgress';
import type { TsFanout } from './tsFanout';

/** Backoff between attempts: 1, 2, 4, 8, 8… seconds, so a returning ingest is used within ~10 s. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000] as const;
/**
 * A remux process this far behind is not reading (a stalled connection): it is restarted and
 * rejoins at a keyframe, rather than holding memory or ever slowing the encoder or the others.
 */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;
/** Time a stopped remux gets to close its FLV cleanly before it is killed. */
const STOP_GRACE_MS = 2_000;
/** RTMP answers that mean "not with this key / name": retrying the same key cannot help. */
const REFUSAL = /Server error|Unauthori[sz]ed|BadName|Forbidden|denied|rejected|\b40[13]\b/i;

export interface RunnerStatus {
  state: DestinationState;
  message: string | null;
  bitrateKbps: number;
  droppedFrames: number;
  liveMs: number;
}

export interface DestinationRunnerDeps {
  ffmpeg: string;
  /** Full ingest URL, key included: it appears only in the child's argument list. */
  url: string;
  /** Removed from every line that leaves this class. */
  redact: (text: string) => string;
  fanout: TsFanout;
  registry: ChildRegistry;
  log: Logger;
  label: string;
  onStatus: (status: RunnerStatus) => void;
  now?: () => number;
  /** Backlog at which the connection counts as stalled (tests lower it). */
  maxBacklogBytes?: number;
}

/**
 * One destination: a cheap `-c copy` remux of the shared encode to FLV over RTMP(S). It restarts
 * on its own with backoff when the connection drops; a refusal from the server (a wrong key)
 * stops it as failed with the server's reason. Nothing here touches the encoder or other
 * destinations.
 */
export class DestinationRunner {
  private child: ChildProcessWithoutNullStreams | null = null;
  private leave: (() => void) | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private stopped = false;
  private stderrTail: string[] = [];
  private liveSince = 0;
  private liveBefore = 0;
  private stalled = false;
  private readonly now: () => number;
  private status: RunnerStatus = { state: 'connecting', message: null, bitrateKbps: 0, droppedFrames: 0, liveMs: 0 };

  constructor(private readonly deps: DestinationRunnerDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.spawnOnce();
  }

  /** Stops for good (turned off, stream ended): the child gets a moment to close the FLV cleanly. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.leave?.();
    this.leave = null;
    const child = this.child;
    if (child) {
      child.stdin.end();
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      kill.unref();
      child.once('exit', () => clearTimeout(kill));
    }
    this.closeLiveSpan();
    this.update({ state: 'off', bitrateKbps: 0 });
  }

  current(): RunnerStatus {
    return { ...this.status, liveMs: this.liveMs() };
  }

  private spawnOnce(): void {
    this.stderrTail = [];
    this.stalled = false;
    this.update({ state: this.attempt === 0 ? 'connecting' : this.status.state });
    // Option and value pairs stay on one line each, as ffmpeg's documentation writes them.
    // prettier-ignore
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      // The stream starts at a keyframe with its tables (see TsFanout), so a short probe suffices.
      '-probesize', '500000', '-analyzeduration', '1000000',
      '-f', 'mpegts', '-i', 'pipe:0',
      '-c', 'copy', '-bsf:a', 'aac_adtstoasc',
      '-f', 'flv', '-flvflags', 'no_duration_filesize',
      '-progress', 'pipe:1',
      this.deps.url,
    ];
    const child = spawn(this.deps.ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    this.deps.registry.add(child);
    // EPIPE when ffmpeg exits first; its exit is handled (and reported) on 'close'.
    child.stdin.on('error', () => undefined);
    const progress = new ProgressParser((report) => {
      if (this.child !== child || this.stopped) return;
      if (report.totalBytes > 0 && this.status.state !== 'live') {
        this.liveSince = this.now();
        this.attempt = 0;
        this.deps.log.info(`Multistream ${this.deps.label}: live`);
        this.update({ state: 'live', message: null });
      }
      this.update({ bitrateKbps: Math.round(report.bitrateKbps), droppedFrames: report.droppedFrames });
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => progress.push(text));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      for (const line of text.split('\n')) if (line.trim() !== '') this.stderrTail.push(this.deps.redact(line.trim()));
      this.stderrTail = this.stderrTail.slice(-6);
    });
    this.leave = this.deps.fanout.join({
      write: (packets) => {
        if (child.stdin.writableLength > (this.deps.maxBacklogBytes ?? MAX_BACKLOG_BYTES)) {
          if (!this.stalled) child.kill('SIGKILL');
          this.stalled = true;
          return;
        }
        child.stdin.write(packets);
      },
    });
    child.once('error', (error) => this.deps.log.warn(`Multistream ${this.deps.label}: could not start ffmpeg`, error));
    child.once('close', (code) => this.exited(child, code));
  }

  private exited(child: ChildProcessWithoutNullStreams, code: number | null): void {
    if (this.child !== child) return;
    this.child = null;
    this.leave?.();
    this.leave = null;
    this.closeLiveSpan();
    if (this.stopped) return;
    const reason = this.stalled
      ? 'The connection stalled: the server stopped taking data'
      : this.stderrTail
          .filter((line) => !/^\s*(Last message repeated|Conversion failed)/.test(line))
          .slice(-2)
          .join(' ') || `ffmpeg exited with code ${code ?? 'signal'}`;
    this.deps.log.warn(`Multistream ${this.deps.label}: disconnected: ${reason}`);
    if (REFUSAL.test(reason)) {
      this.update({ state: 'failed', message: reason, bitrateKbps: 0 });
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)]!;
    this.attempt += 1;
    this.update({ state: 'reconnecting', message: reason, bitrateKbps: 0 });
    this.retry = setTimeout(() => {
      if (!this.stopped) this.spawnOnce();
    }, delay);
  }

  private closeLiveSpan(): void {
    if (this.liveSince > 0) this.liveBefore += this.now() - this.liveSince;
    this.liveSince = 0;
  }

  private liveMs(): number {
    return this.liveBefore + (this.liveSince > 0 ? this.now() - this.liveSince : 0);
  }

  private update(change: Partial<RunnerStatus>): void {
    const before = this.status;
    this.status = { ...before, ...change, liveMs: this.liveMs() };
    this.deps.onStatus(this.current());
  }
}
