import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RoomServiceClient } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), 'cli.ts');

describe('cli', () => {
  it('prints its URL, serves the configured keys and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--keys', 'k1:s1,k2:s2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/LiveKit dev server listening on ws:\/\/127\.0\.0\.1:\d+/);
    const port = /127\.0\.0\.1:(\d+)/.exec(out)?.[1];
    const svc = new RoomServiceClient(`http://127.0.0.1:${port}`, 'k2', 's2');
    expect((await svc.createRoom({ name: 'cli-room' })).name).toBe('cli-room');
    const wrong = new RoomServiceClient(`http://127.0.0.1:${port}`, 'devkey', 'secret');
    await expect(wrong.listRooms()).rejects.toMatchObject({ status: 401 });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('rejects invalid options', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toMatch(/--port/);
  });
});
