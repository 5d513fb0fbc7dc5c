import type { ServerChatFrame } from '../../../src/shared/contract/chatFrames';
import { EventBus } from '../../../src/main/api/eventBus';
import { openDatabase, type Database } from '../../../src/main/db/openDatabase';
import { createStream } from '../../../src/main/db/history/streams';
import type { Logger } from '../../../src/main/logging';
import type { PeerSocket } from '../../../src/main/chat/room';

/** A logger that keeps lines for assertions instead of printing them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push =
    (level: string) =>
    (message: string, ...details: unknown[]) => {
      lines.push(`${level} ${message} ${details.map(String).join(' ')}`);
    };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** A fresh in-memory database with one live stream. */
export function freshDb(roomName = 'room-1', streamId = 'stream-1'): { db: Database; streamId: string; roomName: string } {
  const db = openDatabase(':memory:');
  createStream(db, { id: streamId, roomName, title: 'Test stream', tags: [], mode: 'screen_guests', startedAt: 1_000 });
  return { db, streamId, roomName };
}

/** A clock tests move by hand. */
export function manualClock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

/** Records every studio event emitted on a bus. */
export function recordEvents(bus: EventBus): { name: string; payload: unknown }[] {
  const events: { name: string; payload: unknown }[] = [];
  bus.listen((name, payload) => events.push({ name, payload }));
  return events;
}

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

import { ChatHub } from '../../../src/main/chat/hub';
import { RulesStore } from '../../../src/main/chat/rulesStore';
import { ChatSender } from '../../../src/main/chat/sender';
import { BatchWriter } from '../../../src/main/chat/writer';
import { ModerationService } from '../../../src/main/moderation/moderationService';
import type { ChatRulesUpdate } from '../../../src/shared/domain/chat';

/** The chat services wired by hand on an in-memory database, as the unit tests use them. */
export function buildChat(options: { rules?: ChatRulesUpdate; maxBatch?: number; delayMs?: number } = {}) {
  const { db, streamId, roomName } = freshDb();
  const clock = manualClock();
  const bus = new EventBus();
  const events = recordEvents(bus);
  const log = memoryLogger();
  const rules = new RulesStore(db);
  if (options.rules) rules.update(options.rules);
  const hub = new ChatHub({ db, bus, log, now: clock.now, rules });
  // Wired as in createChatService: a batch's broadcast leaves as it commits.
  const writer = new BatchWriter(db, { delayMs: options.delayMs ?? 2, maxBatch: options.maxBatch, afterBatch: () => hub.flush() });
  const sender = new ChatSender({ db, bus, hub, writer, rules, now: clock.now });
  const moderation = new ModerationService({ db, bus, hub, sender, writer, now: clock.now });
  const join = (identity: string, role: 'viewer' | 'guest' | 'moderator' | 'host' = 'viewer', since: number | null = null) => {
    const socket = new FakeSocket();
    const peer = hub.join(streamId, { identity, name: identity.toUpperCase(), role }, identity, socket, since);
    return { socket, peer };
  };
  const close = () => {
    writer.close();
    hub.close();
    sender.close();
    db.close();
  };
  return { db, streamId, roomName, clock, bus, events, log, writer, rules, hub, sender, moderation, join, close };
}

/** Resolves with the payload of the next studio event called `name`. */
export function nextEvent(bus: EventBus, name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const stop = bus.listen((event, payload) => {
      if (event !== name) return;
      stop();
      resolve(payload);
    });
  });
}
