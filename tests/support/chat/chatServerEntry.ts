/**
 * A small chat server in its own process, for the crash test: `node --import tsx chatServerEntry.ts <db file>`.
 * Prints `READY <port> <room>` once it accepts connections. Rate limits, socket caps and frame
 * budgets are raised so one client can flood it.
 */
import { startChatServer } from './server';

const dbFile = process.argv[2];
if (!dbFile) {
  process.stderr.write('usage: chatServerEntry.ts <db file>\n');
  process.exit(2);
}
/** Far above what a test sends: the rate limit must not be what a flood through this server measures. */
const MESSAGES_PER_SECOND = 1000;
const server = await startChatServer({
  dbFile,
  rules: { rateLimit: { messages: MESSAGES_PER_SECOND, perSeconds: 1 }, repeatedText: 'off', links: 'allow' },
  loadHarness: true,
});
process.stdout.write(`READY ${server.port} ${server.roomName}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
