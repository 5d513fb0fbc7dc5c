/**
 * The signal WebSocket of one participant: binary protobuf SignalRequest in, SignalResponse out.
 * Keepalive pings are answered here, straight from the socket handler, as livekit-server does.
 */
import { Pong, SignalRequest, SignalResponse } from '@livekit/protocol';
import type { WebSocket, RawData } from 'ws';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { log } from './log';

export type SignalMessage = SignalResponse['message'];

export interface SignalEvents {
  /** Every decoded request except pings. */
  request: SignalRequest;
  /** Once, when the socket is closed, whoever closed it. */
  close: void;
}

export class SignalConnection {
  private readonly events = new Emitter<SignalEvents>();
  private closed = false;

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: RawData, isBinary: boolean) => this.receive(data, isBinary));
    ws.on('close', () => this.handleClose());
    ws.on('error', () => this.handleClose());
  }

  on<E extends keyof SignalEvents>(event: E, listener: (...args: EventArgs<SignalEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  private receive(data: RawData, isBinary: boolean): void {
    let req: SignalRequest;
    try {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      req = isBinary ? SignalRequest.fromBinary(buf) : SignalRequest.fromJsonString(buf.toString('utf8'), { ignoreUnknownFields: true });
    } catch (err) {
      log.warn('dropping undecodable signal frame:', (err as Error).message);
      return;
    }
    const msg = req.message;
    if (msg.case === 'ping') {
      this.send({ case: 'pong', value: BigInt(Date.now()) });
      return;
    }
    if (msg.case === 'pingReq') {
      this.send({ case: 'pongResp', value: new Pong({ lastPingTimestamp: msg.value.timestamp, timestamp: BigInt(Date.now()) }) });
      return;
    }
    try {
      this.events.emit('request', req);
    } catch (err) {
      log.error('signal request handler failed', err);
    }
  }

  /** Sends one SignalResponse; silently ignored once the socket is gone. */
  send(message: SignalMessage): void {
    if (!this.isOpen) return;
    this.ws.send(new SignalResponse({ message }).toBinary());
  }

  /** Closes the socket (after any queued frames). */
  close(code = 1000): void {
    if (this.closed) return;
    try {
      this.ws.close(code);
    } catch (err) {
      log.warn('closing the signal socket failed, terminating it', (err as Error).message);
      this.ws.terminate();
    }
  }

  private handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.events.emit('close');
  }
}
