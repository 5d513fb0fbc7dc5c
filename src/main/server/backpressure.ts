/** The part of a `ws` WebSocket that backpressure needs; tests pass plain objects. */
export interface BufferedSocket {
  readonly bufferedAmount: number;
  send(data: string | Buffer, options?: { binary?: boolean }): void;
  terminate(): void;
}

/**
 * The one backpressure rule of every socket server: a client with more than `limit` bytes queued
 * is not reading (asleep, or flooding without reading replies), so it is cut off instead of
 * queueing without bound. Returns false when it was cut off, so the owner can forget it.
 */
export function sendOrCutOff(socket: BufferedSocket, data: string | Buffer, limit: number, options?: { binary?: boolean }): boolean {
  if (socket.bufferedAmount > limit) {
    socket.terminate();
    return false;
  }
  if (options) socket.send(data, options);
  else socket.send(data);
  return true;
}
