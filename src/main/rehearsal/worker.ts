import { parentPort, workerData } from 'node:worker_threads';
import { log } from './log';
import { startDevServer, type DevServer, type DevServerOptions } from './server';

/**
 * Worker-thread entry of the embedded rehearsal server. Media forwarding (SRTP, RTCP, simulcast
 * rewriting) runs here, on its own event loop, so a busy room never delays the studio's IPC,
 * HTTP or chat on the main thread.
 *
 * Messages: in, `{ type: 'close' }`; out, `{ type: 'ready', port }` or `{ type: 'failed', message }`.
 */
export type RehearsalWorkerMessage = { type: 'ready'; port: number } | { type: 'failed'; message: string } | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('rehearsal worker must run in a worker thread');

let server: DevServer | null = null;

startDevServer(workerData as DevServerOptions).then(
  (started) => {
    server = started;
    port.postMessage({ type: 'ready', port: started.port } satisfies RehearsalWorkerMessage);
  },
  (error: unknown) => {
    const code = (error as { code?: string }).code;
    const message = code === 'EADDRINUSE' ? 'its port is already in use' : error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'failed', message } satisfies RehearsalWorkerMessage);
  },
);

port.on('message', (message: { type?: string }) => {
  if (message.type !== 'close') return;
  void (server?.close() ?? Promise.resolve()).finally(() => {
    port.postMessage({ type: 'closed' } satisfies RehearsalWorkerMessage);
    port.close();
  });
});

// One bad connection must not take the rehearsal server (or the app) down: log and carry on.
process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));
