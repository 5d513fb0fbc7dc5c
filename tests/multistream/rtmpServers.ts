import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';

/** A free loopback port (closed again at once; ffmpeg binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** ffmpeg arguments for a loopback RTMP ingest on `port` that copies what it receives to `output`. */
export function ingestArgs(port: number, output: string[]): string[] {
  return ['-hide_banner', '-loglevel', 'error', '-listen', '1', '-i', `rtmp://127.0.0.1:${port}/live/key`, '-c', 'copy', ...output];
}

/** An RTMP ingest: ffmpeg in listen mode writing what it receives to `file`; exits when the publisher leaves. */
export function startIngest(port: number, file: string): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(ffmpegPath(), ingestArgs(port, ['-f', 'flv', '-y', file]), { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited };
}

/** What ffmpeg reads from a received file: codecs, size and the number of video frames. */
export function probe(file: string): Promise<{ text: string; frames: number }> {
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath(), ['-hide_banner', '-i', file, '-map', '0:v', '-f', 'null', '-'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (text += chunk));
    child.once('exit', () => {
      const counts = [...text.matchAll(/frame=\s*(\d+)/g)].map((match) => Number(match[1]));
      resolve({ text, frames: counts.at(-1) ?? 0 });
    });
  });
}

/** A live WebM program like the studio's MediaRecorder makes: VP8 + Opus, in real time, on stdout. */
export function startProgram(
  seconds: number,
  video: { size: string; bitrate: string } = { size: '320x240', bitrate: '800k' },
): ChildProcess {
  const source = [
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${video.size}:rate=30`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
  ];
  const vp8 = ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', video.bitrate];
  return spawn(
    ffmpegPath(),
    ['-hide_banner', '-loglevel', 'error', ...source, '-t', String(seconds), ...vp8, '-c:a', 'libopus', '-f', 'webm', 'pipe:1'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

function amfString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * An ingest that refuses every publish the way RTMP servers refuse a wrong key: after the
 * handshake it answers with an `onStatus` error (NetStream.Publish.BadName) and hangs up.
 */
export function startRefusingIngest(port: number, description: string): Promise<Server> {
  const server = createServer((socket) => {
    let received = 0;
    let answered = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      received += chunk.length;
      if (received >= 1 + 1536 && !answered) {
        answered = true;
        const s1 = Buffer.alloc(1536);
        socket.write(Buffer.concat([Buffer.from([3]), s1, Buffer.alloc(1536)]));
      }
      if (received >= 1 + 1536 * 2 + 1 && answered && !socket.writableEnded) {
        const property = (key: string, value: string) => Buffer.concat([amfString(key), Buffer.from([2]), amfString(value)]);
        const zero = Buffer.alloc(9);
        const body = Buffer.concat([
          Buffer.from([2]),
          amfString('onStatus'),
          zero,
          Buffer.from([5]),
          Buffer.from([3]),
          property('level', 'error'),
          property('code', 'NetStream.Publish.BadName'),
          property('description', description),
          Buffer.from([0, 0, 9]),
        ]);
        const header = Buffer.alloc(12);
        header[0] = 3;
        header.writeUIntBE(body.length, 4, 3);
        header[7] = 0x14;
        socket.end(Buffer.concat([header, body]));
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
