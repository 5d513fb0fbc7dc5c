import WebSocket from 'ws';
import type { Result } from '../../../src/shared/result';
import type { MethodName, ParamsArg, ResultOf } from '../contractCall';
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

  /**
   * Calls a contract method and returns its value (name, params and result type checked at
   * compile time); a failed call fails the test with the app's message.
   */
  call<M extends MethodName>(method: M, ...[params]: ParamsArg<M>): Promise<ResultOf<M>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (frame) => {
        this.pending.delete(id);
        const result = frame.result as Result<ResultOf<M>> | undefined;
        if (result?.ok) resolve(result.value);
        else reject(new Error(`${method} failed: ${JSON.stringify(result?.error ?? frame.error)}`));
      });
      this.socket.send(JSON.stringify({ type: 'call', id, method, params: params ?? {} }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
