import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { MultistreamOutput } from '../../shared/domain/multistream';
import type { ChildRegistry } from './childRegistry';
import { TsFanout } from './tsFanout';

/**
 * The one encode every destination shares: the studio's WebM program on stdin, H.264 + AAC in
 * MPEG-TS on stdout. TS rather than FLV because a destination can (re)join it at any keyframe.
 * Keyframes every 2 s with no scene cuts: what YouTube and Twitch ask of their ingest.
 */
/** Time the encoder gets to flush what it has once its input ends, before it is killed. */
const END_GRACE_MS = 5_000;

export function encoderArgs(output: MultistreamOutput): string[] {
  const { width, height, fps, videoKbps } = output;
  const gop = String(fps * 2);
  // Option and value pairs stay on one line each, as ffmpeg's documentation writes them.
  // prettier-ignore
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-f', 'webm', '-i', 'pipe:0',
    '-vf', `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,format=yuv420p`,
    '-r', String(fps),
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency',
    '-b:v', `${videoKbps}k`, '-maxrate', `${videoKbps}k`, '-bufsize', `${videoKbps * 2}k`,
    '-g', gop, '-keyint_min', gop, '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2',
    '-f', 'mpegts', 'pipe:1',
  ];
}

export class ProgramEncoder {
  readonly fanout = new TsFanout();
  private readonly child: ChildProcessWithoutNullStreams;
  private stderrTail: string[] = [];
  private ended = false;

  constructor(
    ffmpeg: string,
    output: MultistreamOutput,
    registry: ChildRegistry,
    /** Called once when ffmpeg exits, with its last error lines (empty after a clean end). */
    onExit: (reason: string | null) => void,
  ) {
    this.child = spawn(ffmpeg, encoderArgs(output), { stdio: ['pipe', 'pipe', 'pipe'] });
    registry.add(this.child);
    // EPIPE when ffmpeg exits first; its exit is reported through onExit on 'close'.
    this.child.stdin.on('error', () => undefined);
    this.child.stdout.on('data', (chunk: Buffer) => this.fanout.push(chunk));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (text: string) => {
      this.stderrTail = [...this.stderrTail, ...text.split('\n').filter((line) => line.trim() !== '')].slice(-4);
    });
    // A spawn failure is followed by 'close', which reports it through onExit.
    this.child.once('error', () => undefined);
    this.child.once('close', (code) =>
      onExit(this.ended && code === 0 ? null : this.stderrTail.join(' ') || `the encoder stopped (code ${code ?? 'signal'})`),
    );
  }

  write(piece: Buffer): void {
    if (!this.ended) this.child.stdin.write(piece);
  }

  /** Ends the input; ffmpeg flushes what it has and exits. A stuck encoder is killed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.child.stdin.end();
    const kill = setTimeout(() => this.child.kill('SIGKILL'), END_GRACE_MS);
    kill.unref();
    this.child.once('close', () => clearTimeout(kill));
  }
}
