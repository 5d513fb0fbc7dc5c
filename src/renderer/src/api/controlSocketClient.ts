import { ServerFrameSchema } from '../../../shared/contract/controlFrames';
import type { EventName, EventPayload, MethodName, ParamsOf, ResultOf, SessionRole } from '../../../shared/contract/studioApi';
import type { StudioClient } from '../../../shared/contract/studioClient';
import { Emitter } from '../../../shared/emitter';
import { fail, type Result } from '../../../shared/result';
import { logger } from '../logging/logger';

/** Reconnect backoff: the first retry waits this long, doubling up to the cap. */
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 10_000;
/** Failed connects in a row (never opened) after which the studio says the server refuses it. */
const REFUSED_AFTER_ATTEMPTS = 2;

export type SocketState = 'connecting' | 'open' | 'closed' | 'refused';

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

/**
 * The studio API over the control WebSocket, for the studio in a browser. Calls made while the
 * socket is down wait for it (up to a timeout); the socket reconnects with backoff.
 */
export class ControlSocketClient implements StudioClient {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: string[] = [];
  private readonly serverEvents = new Emitter<{ [E in EventName]: EventPayload<E> }>();
  private readonly socketEvents = new Emitter<{ state: SocketState; role: SessionRole }>();
  private attempts = 0;
  state: SocketState = 'connecting';
  /** The session's role, from the server's `hello` (null until it arrives). */
  role: SessionRole | null = null;

  constructor(private readonly url: string) {
    this.connect();
  }

  private setState(state: SocketState): void {
    this.state = state;
    this.socketEvents.emit('state', state);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.setState('connecting');
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempts = 0;
      this.setState('open');
      for (const text of this.queue.splice(0)) socket.send(text);
    };
    socket.onmessage = (message) => this.onFrame(message.data);
    socket.onclose = () => {
      this.socket = null;
      // Closed before it ever opened: the server refused the session (or is down).
      if (!opened && this.attempts >= REFUSED_AFTER_ATTEMPTS) this.setState('refused');
      else this.setState('closed');
      for (const [id, pending] of this.pending) {
        pending.resolve(fail('internal', 'The connection to the studio server was lost'));
        this.pending.delete(id);
      }
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.attempts++);
      setTimeout(() => this.connect(), delay);
    };
  }

  private onFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (error) {
      logger.warn('Ignored a control frame that is not JSON', error);
      return;
    }
    const frame = ServerFrameSchema.safeParse(json);
    if (!frame.success) {
      logger.warn('Ignored a control frame this studio does not understand', frame.error);
      return;
    }
    const value = frame.data;
    if (value.type === 'result' || (value.type === 'error' && value.id !== null)) {
      const id = value.id as number;
      const pending = this.pending.get(id);
      if (!pending) return;
      this.pending.delete(id);
      pending.resolve(value.type === 'result' ? (value.result as Result<unknown>) : { ok: false, error: value.error });
    } else if (value.type === 'hello') {
      this.role = value.role;
      this.socketEvents.emit('role', value.role);
    } else if (value.type === 'event') {
      // The frame schema checked the envelope; payloads are trusted as main's own events.
      const forward = this.serverEvents.emit as (event: EventName, payload: unknown) => void;
      forward.call(this.serverEvents, value.event as EventName, value.payload);
    }
  }

  invoke<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>> {
    const id = this.nextId++;
    const text = JSON.stringify({ type: 'call', id, method, params });
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as (result: Result<unknown>) => void });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
      else this.queue.push(text);
    });
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.serverEvents.on(event, listener as (...args: unknown[]) => void);
  }

  /** Called with the role each time the server greets this socket (first frame after connecting). */
  onRole(listener: (role: SessionRole) => void): () => void {
    return this.socketEvents.on('role', listener);
  }

  onState(listener: (state: SocketState) => void): () => void {
    return this.socketEvents.on('state', listener);
  }
}
