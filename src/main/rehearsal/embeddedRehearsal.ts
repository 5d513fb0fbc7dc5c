import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  DEFAULT_LIVEKIT_API_KEY,
  DEFAULT_LIVEKIT_API_SECRET,
  DEFAULT_LIVEKIT_URL,
  type LivekitServerStatus,
} from '../../shared/domain/settings';
import type { Logger } from '../logging';
import type { LivekitCredentials } from '../settings/settingsService';
import { DEFAULT_PORT, PORT_PROBE_TIMEOUT_MS, WORKER_CLOSE_GRACE_MS } from './limits';
import type { DevServerOptions } from './server';
import type { RehearsalWorkerMessage } from './worker';

export interface EmbeddedRehearsalDeps {
  /** The worker entry (out/main/rehearsalWorker.js), or null when this run never starts one. */
  workerUrl: URL | null;
  credentials: () => LivekitCredentials;
  /** Where the rehearsal server sends its signed webhooks (the app's own webhook route). */
  webhookUrl: () => string;
  /** The app's bind address: the rehearsal server is reachable exactly where the pages are. */
  bindAddress: string;
  log: Logger;
  onChange: (status: LivekitServerStatus) => void;
}

/** True when the settings are the out-of-the-box ones, i.e. the user has not pointed us at a server. */
export function usesDefaultLivekit(credentials: LivekitCredentials): boolean {
  return (
    credentials.url === DEFAULT_LIVEKIT_URL &&
    credentials.apiKey === DEFAULT_LIVEKIT_API_KEY &&
    credentials.apiSecret === DEFAULT_LIVEKIT_API_SECRET
  );
}

/** Whether something already accepts TCP connections on the port (e.g. `livekit-server --dev`). */
function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(PORT_PROBE_TIMEOUT_MS, () => done(false));
  });
}

function isLoopback(bind: string): boolean {
  return bind === '127.0.0.1' || bind === '::1' || bind.startsWith('127.');
}

/** The addresses ICE candidates are offered on: loopback always, plus the LAN when the app serves it. */
function iceAddresses(bind: string): string[] {
  if (isLoopback(bind)) return ['127.0.0.1'];
  if (bind !== '0.0.0.0' && bind !== '::') return ['127.0.0.1', bind];
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
  return ['127.0.0.1', ...lan];
}

/**
 * The LiveKit-compatible rehearsal server the app runs by itself when the settings still hold the
 * defaults and nothing listens there, so a first run can go live without a second terminal. It
 * runs in a worker thread (see worker.ts) and follows the settings: real credentials stop it,
 * going back to the defaults starts it again.
 */
export class EmbeddedRehearsal {
  private worker: Worker | null = null;
  private current: LivekitServerStatus;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: EmbeddedRehearsalDeps) {
    this.current = this.describeConfigured();
  }

  status(): LivekitServerStatus {
    return this.current;
  }

  /**
   * The LiveKit URL to hand a page that reached us at `requestHost` (its Host header): with the
   * rehearsal server running on the LAN, a phone on the network must connect to this machine's
   * address, not to its own 127.0.0.1.
   */
  urlFor(requestHost: string | undefined): string {
    const configured = this.deps.credentials().url;
    if (this.current.mode !== 'rehearsal' || this.current.state !== 'running' || !requestHost) return configured;
    try {
      return `ws://${new URL(`http://${requestHost}`).hostname}:${DEFAULT_PORT}`;
    } catch {
      // A Host header that is no valid host name cannot name the server either: keep the configured URL.
      return configured;
    }
  }

  /** Starts or stops the rehearsal server to match the settings; safe to call on every change. */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncNow())
      .catch((error: unknown) => this.deps.log.error('rehearsal server: sync failed', error));
    return this.syncing;
  }

  async close(): Promise<void> {
    await this.syncing;
    await this.stop();
  }

  private async syncNow(): Promise<void> {
    const wanted = this.deps.workerUrl !== null && usesDefaultLivekit(this.deps.credentials());
    if (!wanted) {
      await this.stop();
      this.set(
        this.deps.workerUrl === null && usesDefaultLivekit(this.deps.credentials()) ? this.describeDisabled() : this.describeConfigured(),
      );
      return;
    }
    if (this.worker) return;
    if (await portAnswers(DEFAULT_PORT)) {
      this.set({
        mode: 'external',
        state: 'running',
        url: DEFAULT_LIVEKIT_URL,
        message: `Using the LiveKit server already running at ${DEFAULT_LIVEKIT_URL}`,
      });
      return;
    }
    await this.start();
  }

  private start(): Promise<void> {
    const bind = isLoopback(this.deps.bindAddress) ? '127.0.0.1' : this.deps.bindAddress;
    const options: DevServerOptions = {
      port: DEFAULT_PORT,
      bind,
      keys: { [DEFAULT_LIVEKIT_API_KEY]: DEFAULT_LIVEKIT_API_SECRET },
      webhookUrls: [this.deps.webhookUrl()],
      iceHostAddresses: iceAddresses(bind),
    };
    this.set({ mode: 'rehearsal', state: 'starting', url: DEFAULT_LIVEKIT_URL, message: 'Starting the local rehearsal server…' });
    const worker = startWorker(this.deps.workerUrl!, options);
    this.worker = worker;
    return new Promise<void>((resolve) => {
      worker.on('message', (message: RehearsalWorkerMessage) => {
        if (message.type === 'ready') {
          this.set({ mode: 'rehearsal', state: 'running', url: DEFAULT_LIVEKIT_URL, message: this.runningMessage(bind) });
          this.deps.log.info(`Local rehearsal server on ${DEFAULT_LIVEKIT_URL} (webhooks to ${options.webhookUrls?.[0]})`);
          resolve();
        } else if (message.type === 'failed') {
          this.failed(worker, message.message);
          resolve();
        }
      });
      worker.on('error', (error) => {
        this.failed(worker, error.message);
        resolve();
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.failed(worker, `it stopped unexpectedly (exit ${code})`);
        resolve();
      });
    });
  }

  private failed(worker: Worker, reason: string): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
    this.deps.log.error(`Local rehearsal server could not run: ${reason}`);
    this.set({
      mode: 'rehearsal',
      state: 'failed',
      url: DEFAULT_LIVEKIT_URL,
      message: `The local rehearsal server could not start: ${reason}.`,
    });
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), WORKER_CLOSE_GRACE_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' });
    });
  }

  private runningMessage(bind: string): string {
    return isLoopback(bind)
      ? 'Local rehearsal server — viewers on this machine (set the bind address to 0.0.0.0 in Settings to include your network)'
      : 'Local rehearsal server — viewers on this machine or your network';
  }

  private describeConfigured(): LivekitServerStatus {
    const url = this.deps.credentials().url;
    return { mode: 'configured', state: 'running', url, message: `LiveKit server at ${url}` };
  }

  private describeDisabled(): LivekitServerStatus {
    return {
      mode: 'configured',
      state: 'running',
      url: DEFAULT_LIVEKIT_URL,
      message: `LiveKit server at ${DEFAULT_LIVEKIT_URL} (local rehearsal server turned off)`,
    };
  }

  private set(status: LivekitServerStatus): void {
    const before = JSON.stringify(this.current);
    this.current = status;
    if (JSON.stringify(status) !== before) this.deps.onChange(status);
  }
}

/**
 * The built worker is plain JavaScript. Run from the TypeScript sources (tests), it is loaded
 * through tsx's loader, registered inside the worker before the entry is imported.
 */
function startWorker(url: URL, options: DevServerOptions): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: options });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: options });
}
