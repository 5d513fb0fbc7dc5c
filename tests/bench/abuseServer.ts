/** The app under test for `abuse.ts`, alone in its process: live, with an in-memory LiveKit. */
import { FakeRooms } from '../support/fakeRooms';
import { startTestApp } from '../support/testApp';
import type { ServerToParent } from './abuseShared';

const t = await startTestApp({ rooms: new FakeRooms() });
const live = await t.app.streams.start({ title: 'Abuse bench', mode: 'screen_guests' });
// The log would otherwise grow with every refused junk frame for the whole run.
t.logLines.length = 0;
setInterval(() => (t.logLines.length = 0), 1000).unref();
const ready: ServerToParent = { type: 'ready', port: Number(new URL(t.baseUrl).port), ownerToken: t.app.ownerToken, room: live.roomName };
process.send?.(ready);
process.on('message', (message) => {
  if (message === 'stop') void t.close().finally(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
