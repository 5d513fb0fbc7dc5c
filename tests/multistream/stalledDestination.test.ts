import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/main/logging';
import { ChildRegistry } from '../../src/main/multistream/childRegistry';
import { DestinationRunner, type RunnerStatus } from '../../src/main/multistream/destinationRunner';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';
import { encoderArgs } from '../../src/main/multistream/programEncoder';
import { TsFanout } from '../../src/main/multistream/tsFanout';

describe('a destination whose server stops taking data', () => {
  it('is restarted as reconnecting instead of buffering without bound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-stall-'));
    // The shared encode's output format: a few seconds of H.264 + AAC in MPEG-TS.
    const webm = spawnSync(
      ffmpegPath(),
      [
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=320x240:rate=30',
        '-f',
        'lavfi',
        '-i',
        'sine',
        '-t',
        '3',
        '-c:v',
        'libvpx',
        '-c:a',
        'libopus',
        '-f',
        'webm',
        'pipe:1',
      ],
      { maxBuffer: 64 * 2 ** 20 },
    ).stdout;
    const ts = spawnSync(ffmpegPath(), encoderArgs({ width: 320, height: 240, fps: 30, videoKbps: 1000 }), {
      input: webm,
      maxBuffer: 64 * 2 ** 20,
    }).stdout;
    expect(ts.length).toBeGreaterThan(100_000);

    // Accepts the connection and never reads or answers: the RTMP handshake hangs, like a dead link.
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };

    const fanout = new TsFanout();
    const registry = new ChildRegistry(join(dataDir, 'pids'), createLogger({ sink: () => undefined }));
    const states: RunnerStatus[] = [];
    let reconnecting: (status: RunnerStatus) => void = () => undefined;
    const stalled = new Promise<RunnerStatus>((resolve) => (reconnecting = resolve));
    const runner = new DestinationRunner({
      ffmpeg: ffmpegPath(),
      url: `rtmp://127.0.0.1:${port}/live/key`,
      redact: (text) => text,
      fanout,
      registry,
      log: createLogger({ sink: () => undefined }),
      label: 'stalled',
      maxBacklogBytes: 256 * 1024,
      onStatus: (status) => {
        states.push(status);
        if (status.state === 'reconnecting') reconnecting(status);
      },
    });
    runner.start();
    // Feed the stream over and over until the runner gives up on this connection.
    let done = false;
    const feeding = (async () => {
      while (!done) {
        fanout.push(ts);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const status = await stalled;
    done = true;
    await feeding;
    expect(status.message).toContain('stalled');
    runner.stop();
    registry.close();
    for (const socket of sockets) socket.destroy();
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
