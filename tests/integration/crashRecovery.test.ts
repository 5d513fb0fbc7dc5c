import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getStream } from '../../src/main/db/history/streams';
import { AppFailure } from '../../src/shared/result';
import { FakeRooms } from '../support/fakeRooms';
import { startTestApp, type TestApp } from '../support/testApp';

/** A LiveKit fake that says when the app asked it to delete a room. */
class WatchedRooms extends FakeRooms {
  private heard: (name: string) => void = () => undefined;
  readonly deleteAsked = new Promise<string>((resolve) => (this.heard = resolve));
  override async deleteRoom(name: string): Promise<void> {
    try {
      await super.deleteRoom(name);
    } finally {
      this.heard(name);
    }
  }
}

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Goes live, then stops the app without ending the stream: what a crash leaves on disk. */
async function crashWhileLive(): Promise<{ dataDir: string; roomName: string; streamId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-crash-'));
  dirs.push(dataDir);
  const first = await startTestApp({ dataDir, rooms: new FakeRooms() });
  const live = await first.app.streams.start({ title: 'Cut short', mode: 'screen_guests' });
  await first.close();
  return { dataDir, roomName: live.roomName, streamId: live.streamId };
}

describe('restart after a crash', () => {
  it('deletes the LiveKit room of a stream the crash left live', async () => {
    const { dataDir, roomName, streamId } = await crashWhileLive();
    const rooms = new WatchedRooms();
    rooms.rooms.set(roomName, '{}');
    const second = await startTestApp({ dataDir, rooms });
    apps.push(second);
    expect(getStream(second.app.db, streamId)?.status).toBe('ended');
    expect(await rooms.deleteAsked).toBe(roomName);
    expect(rooms.rooms.has(roomName)).toBe(false);
  });

  it('starts even when LiveKit refuses the delete, and says so in the log', async () => {
    const { dataDir, roomName } = await crashWhileLive();
    const rooms = new WatchedRooms();
    rooms.failWith = new AppFailure('livekit_unreachable', 'LiveKit did not answer');
    const second = await startTestApp({ dataDir, rooms });
    apps.push(second);
    await rooms.deleteAsked;
    const health = await fetch(`${second.baseUrl}/health`);
    expect(health.ok).toBe(true);
    await expect.poll(() => second.logLines.find((line) => line.includes(`Could not delete the LiveKit room ${roomName}`))).toBeTruthy();
  });

  it('does not wait for LiveKit to answer before serving', async () => {
    const { dataDir } = await crashWhileLive();
    const rooms = new FakeRooms();
    let asked = false;
    // LiveKit that never answers: start must not hang on it.
    rooms.deleteRoom = () => {
      asked = true;
      return new Promise<void>(() => undefined);
    };
    const second = await startTestApp({ dataDir, rooms });
    apps.push(second);
    expect(asked).toBe(true);
    expect((await fetch(`${second.baseUrl}/health`)).ok).toBe(true);
  });
});
