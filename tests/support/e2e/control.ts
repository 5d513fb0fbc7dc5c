import WebSocket from 'ws';
import type { HeadlessStudio } from './headless';

/** A minimal client for the app's control socket, as the owner. */
export class Control {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: { result?: unknown; error?: unknown }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: unknown };
      if (typeof frame.id === 'number') this.pending.get(frame.id)?.(frame);
    });
  }

  static open(studio: HeadlessStudio): Promise<Control> {
    const socket = new WebSocket(studio.controlUrl);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new Control(socket)));
      socket.once('error', reject);
    });
  }

  /** Calls a method and returns its value; a failed call fails the test with the app's message. */
  call<T>(method: string, params: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (frame) => {
        this.pending.delete(id);
        const result = frame.result as { ok: boolean; value?: T; error?: unknown } | undefined;
        if (result?.ok) resolve(result.value as T);
        else reject(new Error(`${method} failed: ${JSON.stringify(result?.error ?? frame.error)}`));
      });
      this.socket.send(JSON.stringify({ type: 'call', id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
