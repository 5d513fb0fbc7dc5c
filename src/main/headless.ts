import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp } from './app';
import { parseHeadlessArgs } from './cliArgs';
import { findRendererDir } from './rendererDir';
import { FileSecretStore } from './settings/secretStore';

/**
 * `npm run serve`: the same services as the desktop app, without Electron. Prints the studio URL
 * (with a one-time owner link, spent by the first browser to open it) for a browser on this machine
 * or, with --bind, on the LAN.
 */
async function main(): Promise<void> {
  let args;
  try {
    args = parseHeadlessArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`airdeck serve: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const dataDir = resolve(args.dataDir ?? process.env.AIRDECK_DATA_DIR ?? join(homedir(), '.airdeck'));
  const app = await startApp({
    dataDir,
    rendererDir: findRendererDir(import.meta.url),
    secretStore: new FileSecretStore(join(dataDir, 'livekit-api-secret')),
    bindAddress: args.bind,
    port: args.port,
    desktop: false,
    rehearsalWorker: args.localLivekit ? new URL('./rehearsalWorker.js', import.meta.url) : null,
  });
  const studioUrl = `${app.server.localUrl}/?session=${app.ownerLink}`;
  const livekit = app.settings.view().livekitServer;
  process.stdout.write(`Airdeck headless studio (data: ${dataDir})\nLiveKit: ${livekit.message}\nStudio URL: ${studioUrl}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  const message = code === 'EADDRINUSE' ? 'that port is already in use; pick another with --port' : (error as Error).message;
  process.stderr.write(`airdeck serve: could not start: ${message}\n`);
  process.exit(1);
});
