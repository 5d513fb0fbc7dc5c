import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../../src/main/api/eventBus';
import { openDatabase } from '../../src/main/db/openDatabase';
import { createLogger } from '../../src/main/logging';
import { listDestinationSessionsOfStream } from '../../src/main/db/history/destinationSessions';
import { createStream } from '../../src/main/db/history/streams';
import { ffmpegPath } from '../../src/main/multistream/ffmpegBinary';
import { MultistreamService } from '../../src/main/multistream/multistreamService';
import { MemorySecretStore } from '../../src/main/settings/secretStore';
import { RECORDING_PIECE_BYTES } from '../../src/shared/domain/recording';
import type { DestinationState, MultistreamStatus } from '../../src/shared/domain/multistream';
import { freePort, probe, startIngest, startProgram, startRefusingIngest } from './rtmpServers';

const KEY_A = 'key-a-7f3c9e1d44';
const KEY_B = 'key-b-0a8d2b6e91';

/** The service with a bus the test can wait on and a log it can read. */
function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-multi-'));
  const db = openDatabase(join(dataDir, 'test.sqlite'));
  const logLines: string[] = [];
  let latest: MultistreamStatus = { encoding: false, destinations: [] };
  const waiters = new Set<() => void>();
  const bus = {
    emit: (_event: string, payload: unknown) => {
      latest = payload as MultistreamStatus;
      for (const waiter of [...waiters]) waiter();
    },
  } as unknown as Pick<EventBus, 'emit'>;
  const log = createLogger({ sink: (_level, line) => logLines.push(line) });
  const service = new MultistreamService({ db, secrets: new MemorySecretStore(), dataDir, bus, log, ffmpeg: ffmpegPath() });
  const stateOf = (id: string): DestinationState | undefined => latest.destinations.find((d) => d.id === id)?.state;
  const waitFor = (what: (status: MultistreamStatus) => boolean): Promise<MultistreamStatus> =>
    new Promise((resolve) => {
      const check = () => {
        if (!what(latest)) return;
        waiters.delete(check);
        resolve(latest);
      };
      waiters.add(check);
      check();
    });
  // History rows belong to a stream.
  const streamId = 'str_multistream1';
  createStream(db, {
    id: streamId,
    roomName: 'room-multistream',
    title: 'Multistream test',
    tags: [],
    mode: 'screen_guests',
    startedAt: Date.now(),
  });
  return { dataDir, db, service, logLines, stateOf, waitFor, streamId, latest: () => latest };
}

/** Feeds a live WebM program to the service in studio-sized pieces until it ends. */
function feed(service: MultistreamService, seconds: number): Promise<void> {
  const program = startProgram(seconds);
  program.stdout!.on('data', (chunk: Buffer) => {
    for (let at = 0; at < chunk.length; at += RECORDING_PIECE_BYTES) service.piece(chunk.subarray(at, at + RECORDING_PIECE_BYTES));
  });
  return new Promise((resolve) => program.once('exit', () => resolve()));
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('multistream pipeline', () => {
  it('sends one encode to two RTMP servers, rides out one going away, and comes back', async () => {
    const t = setup();
    cleanups.push(() => {
      t.service.shutdown();
      t.db.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    });
    const [portA, portB] = [await freePort(), await freePort()];
    let ingestA = startIngest(portA, join(t.dataDir, 'a1.flv'));
    const ingestB = startIngest(portB, join(t.dataDir, 'b.flv'));
    cleanups.push(() => void ingestB.child.kill('SIGKILL'));
    t.service.store.setOutput({ width: 640, height: 360, fps: 30, videoKbps: 1000 });
    const a = t.service.add({
      kind: 'rtmp',
      name: 'A',
      preset: 'custom',
      url: `rtmp://127.0.0.1:${portA}/live`,
      streamKey: KEY_A,
      enabled: true,
    });
    const b = t.service.add({
      kind: 'rtmp',
      name: 'B',
      preset: 'custom',
      url: `rtmp://127.0.0.1:${portB}/live`,
      streamKey: KEY_B,
      enabled: true,
    });

    t.service.begin(t.streamId);
    const fed = feed(t.service, 20);
    await t.waitFor(() => t.stateOf(a.id) === 'live' && t.stateOf(b.id) === 'live');

    ingestA.child.kill('SIGKILL');
    const reconnecting = await t.waitFor(() => t.stateOf(a.id) === 'reconnecting');
    expect(reconnecting.destinations.find((d) => d.id === b.id)?.state).toBe('live');

    ingestA = startIngest(portA, join(t.dataDir, 'a2.flv'));
    cleanups.push(() => void ingestA.child.kill('SIGKILL'));
    await t.waitFor(() => t.stateOf(a.id) === 'live');
    expect(t.stateOf(b.id)).toBe('live');

    await fed;
    t.service.end();
    await Promise.all([ingestA.exited, ingestB.exited]);
    // Still enabled: it waits for the next program, with the time it was live in this one.
    expect(t.stateOf(a.id)).toBe('waiting');
    expect(t.latest().destinations.find((d) => d.id === b.id)!.liveMs).toBeGreaterThan(0);

    for (const file of ['b.flv', 'a2.flv']) {
      const received = await probe(join(t.dataDir, file));
      expect(received.text).toMatch(/Video: h264.*640x360/);
      expect(received.text).toMatch(/Audio: aac/);
      if (file === 'b.flv') expect(received.frames).toBeGreaterThanOrEqual(150);
    }
    // The keys reach ffmpeg's argument list and nothing else.
    expect(t.logLines.join('\n')).not.toMatch(/key-[ab]-/);
    expect(JSON.stringify(t.service.list())).not.toMatch(/key-[ab]-/);
    expect(JSON.stringify(t.latest())).not.toMatch(/key-[ab]-/);
    const rows = [...t.db.prepare('SELECT * FROM settings').all(), ...t.db.prepare('SELECT * FROM destination_sessions').all()];
    expect(JSON.stringify(rows)).not.toMatch(/key-[ab]-/);

    // History: both used, both live for a while; A dropped once, with the reason.
    const history = listDestinationSessionsOfStream(t.db, t.streamId);
    const [historyA, historyB] = [history.find((h) => h.destinationId === a.id)!, history.find((h) => h.destinationId === b.id)!];
    expect(historyA).toMatchObject({ name: 'A', failures: 1, lastError: expect.any(String) });
    expect(historyB).toMatchObject({ name: 'B', failures: 0, lastError: null });
    expect(historyB.liveMs).toBeGreaterThan(0);
    expect(historyA.endedAt).not.toBeNull();
  }, 90_000);

  it('marks a destination whose key the server refuses as failed, with the reason and without the key', async () => {
    const t = setup();
    const port = await freePort();
    const server: Server = await startRefusingIngest(port, 'Invalid stream key');
    cleanups.push(() => {
      t.service.shutdown();
      server.close();
      t.db.close();
      rmSync(t.dataDir, { recursive: true, force: true });
    });
    const refused = t.service.add({
      kind: 'rtmp',
      name: 'Refused',
      preset: 'custom',
      url: `rtmp://127.0.0.1:${port}/live`,
      streamKey: KEY_A,
      enabled: true,
    });
    t.service.begin(t.streamId);
    const fed = feed(t.service, 6);
    const failed = await t.waitFor(() => t.stateOf(refused.id) === 'failed');
    const message = failed.destinations[0]!.message ?? '';
    expect(message).toContain('Invalid stream key');
    expect(message).not.toContain(KEY_A);
    expect(t.logLines.join('\n')).not.toContain(KEY_A);
    expect(listDestinationSessionsOfStream(t.db, t.streamId)).toEqual([
      expect.objectContaining({ name: 'Refused', failures: 1, liveMs: 0, lastError: expect.stringContaining('Invalid stream key') }),
    ]);
    await fed;
  }, 60_000);
});
