/**
 * Command line entry: `npm run livekit:dev -- --port 7880 --keys devkey:secret --webhook URL --bind 127.0.0.1`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DEPARTURE_TIMEOUT_SEC, DEFAULT_EMPTY_TIMEOUT_SEC, DEFAULT_PORT } from './limits';
import { log } from './log';
import { startDevServer } from './server';

const USAGE = `Usage: npm run livekit:dev -- [options]
  --port <n>          TCP port (default ${DEFAULT_PORT}, 0 = any free port)
  --bind <address>    listen address (default 127.0.0.1; 0.0.0.0 for the LAN)
  --keys <key:secret> API key pair, repeatable or comma separated (default devkey:secret)
  --webhook <url>     webhook target, repeatable
  --empty-timeout <s> seconds an unused room lives (default ${DEFAULT_EMPTY_TIMEOUT_SEC})
  --departure-timeout <s> seconds a room lives after its last participant left (default ${DEFAULT_DEPARTURE_TIMEOUT_SEC})
  --help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      bind: { type: 'string' },
      keys: { type: 'string', multiple: true },
      webhook: { type: 'string', multiple: true },
      'empty-timeout': { type: 'string' },
      'departure-timeout': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  const keys = values.keys?.flatMap((k) => k.split(',')).filter((k) => k.length > 0);
  const bind = values.bind ?? '127.0.0.1';
  const server = await startDevServer({
    port: num(values.port, 'port') ?? DEFAULT_PORT,
    bind,
    keys: keys && keys.length > 0 ? keys : undefined,
    webhookUrls: values.webhook ?? [],
    emptyTimeoutSec: num(values['empty-timeout'], 'empty-timeout'),
    departureTimeoutSec: num(values['departure-timeout'], 'departure-timeout'),
  });
  const shown = bind === '0.0.0.0' ? `ws://0.0.0.0:${server.port} (all interfaces)` : server.url;
  console.log(`LiveKit dev server listening on ${shown}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// A dev server should survive a bug in one connection: log it instead of exiting.
process.on('unhandledRejection', (err) => log.error('unhandled rejection', err));

main().catch((err: unknown) => {
  console.error(`livekit dev server: ${(err as Error).message}\n\n${USAGE}`);
  process.exit(1);
});
