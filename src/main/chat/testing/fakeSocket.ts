import type { ServerChatFrame } from '../../../shared/contract/chatFrames';
import type { PeerSocket } from '../room';

/**
 * A socket stand-in that parses what the server sends and lets a test wait for a frame. `raw`
 * keeps every string as sent, so tests can check that one serialization went to every peer.
 */
export class FakeSocket implements PeerSocket {
  bufferedAmount = 0;
  readonly raw: (string | Buffer)[] = [];
  readonly frames: ServerChatFrame[] = [];
  terminated = false;
  closed: { code?: number; reason?: string } | null = null;
  private waiters: { match: (f: ServerChatFrame) => boolean; resolve: (f: ServerChatFrame) => void }[] = [];

  send(data: string | Buffer, options?: { binary?: boolean }): void {
    if (Buffer.isBuffer(data) && options?.binary !== false) throw new Error('chat frames must be text');
    this.raw.push(data);
    const parsed = JSON.parse(data.toString()) as ServerChatFrame | ServerChatFrame[];
    for (const frame of Array.isArray(parsed) ? parsed : [parsed]) {
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    }
  }

  terminate(): void {
    this.terminated = true;
  }

  close(code?: number, reason?: string): void {
    this.closed = { code, reason };
  }

  /** The first frame (already received or coming) of `type` that matches. */
  next<T extends ServerChatFrame['type']>(type: T, match: (f: Extract<ServerChatFrame, { type: T }>) => boolean = () => true) {
    const test = (f: ServerChatFrame) => f.type === type && match(f as Extract<ServerChatFrame, { type: T }>);
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen as Extract<ServerChatFrame, { type: T }>);
    return new Promise<Extract<ServerChatFrame, { type: T }>>((resolve) => {
      this.waiters.push({ match: test, resolve: resolve as (f: ServerChatFrame) => void });
    });
  }

  of<T extends ServerChatFrame['type']>(type: T): Extract<ServerChatFrame, { type: T }>[] {
    return this.frames.filter((f) => f.type === type) as Extract<ServerChatFrame, { type: T }>[];
  }
}
