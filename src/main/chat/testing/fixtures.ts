import type { EventName, EventPayload } from '../../../shared/contract/studioApi';
import type { EventBus } from '../../api/eventBus';
import { openDatabase, type Database } from '../../db/openDatabase';
import { createStream } from '../../db/history/streams';
import type { Logger } from '../../logging';

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
  bus.onAny((name, payload) => events.push({ name, payload }));
  return events;
}

/** Resolves with the payload of the next studio event called `name`. */
export function nextEvent<E extends EventName>(bus: EventBus, name: E): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    bus.once(name, (...args) => resolve(args[0] as EventPayload<E>));
  });
}
