import WebSocket from 'ws';
import type { Result } from '../../src/shared/result';
import type { MethodName, ParamsArg, RawCallResult, ResultOf } from './contractCall';

/** A control-socket client for tests: sends raw frames and collects replies in order. */
export class FrameClient {
  readonly frames: unknown[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<FrameClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => resolve(new FrameClient(socket)));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Waits for the next frame matching `predicate` (already received frames count). */
  async next<T = Record<string, unknown>>(predicate: (frame: Record<string, unknown>) => boolean): Promise<T> {
    for (;;) {
      const found = this.frames.find((frame) => predicate(frame as Record<string, unknown>));
      if (found) {
        this.frames.splice(this.frames.indexOf(found), 1);
        return found as T;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private nextId = 1;

  /** Calls a contract method; the name, params and result type are checked at compile time. */
  async call<M extends MethodName>(method: M, ...[params]: ParamsArg<M>): Promise<Result<ResultOf<M>>> {
    return (await this.callRaw(method, params ?? {})) as Result<ResultOf<M>>;
  }

  /**
   * Sends any method name with any params, for tests that check how the app meets input outside
   * the contract. Resolves with the result envelope (an error frame becomes a failed result).
   */
  async callRaw(method: string, params: unknown = {}): Promise<RawCallResult> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ type: 'call', id, method, params }));
    const frame = await this.next<{ result?: RawCallResult; error?: { code: string; message: string } }>((f) => f.id === id);
    return frame.result ?? { ok: false, error: frame.error };
  }

  close(): void {
    this.socket.close();
  }
}
