import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../src/main/app';
import type { RoomGateway } from '../../src/main/livekit/roomGateway';
import { MemorySecretStore, type SecretStore } from '../../src/main/settings/secretStore';

export interface TestApp {
  app: App;
  dataDir: string;
  logLines: string[];
  baseUrl: string;
  wsUrl(path: string, query?: Record<string, string>): string;
  close(): Promise<void>;
}

/** Starts the real services and server on an ephemeral loopback port with a throwaway data dir. */
export async function startTestApp(
  options: {
    dataDir?: string;
    secretStore?: SecretStore;
    rendererDir?: string;
    rooms?: RoomGateway;
    rehearsalWorker?: URL;
    sockets?: { ceiling: number; ownerReserve: number };
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'airdeck-test-'));
  const logLines: string[] = [];
  const app = await startApp({
    dataDir,
    rendererDir: options.rendererDir ?? join(dataDir, 'no-renderer'),
    secretStore: options.secretStore ?? new MemorySecretStore(),
    bindAddress: '127.0.0.1',
    port: 0,
    desktop: false,
    rooms: options.rooms,
    rehearsalWorker: options.rehearsalWorker ?? null,
    sockets: options.sockets,
    logSink: (_level, line) => logLines.push(line),
  });
  const baseUrl = app.server.localUrl;
  return {
    app,
    dataDir,
    logLines,
    baseUrl,
    wsUrl: (path, query = {}) => `${baseUrl.replace('http', 'ws')}${path}?${new URLSearchParams(query).toString()}`,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
