import { describe, expect, it } from 'vitest';
import type { GuestState } from '../../shared/domain/stage';
import { EventBus } from '../api/eventBus';
import { createLogger } from '../logging';
import { PageEventsHub, type PageSocket } from './pageEventsHub';

class FakeSocket implements PageSocket {
  readonly sent: unknown[] = [];
  bufferedAmount = 0;
  terminated = false;
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  terminate(): void {
    this.terminated = true;
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup() {
  const bus = new EventBus();
  const states = new Map<string, GuestState>();
  let reads = 0;
  const hub = new PageEventsHub({
    bus,
    streams: { liveStream: () => null },
    guestState: (identity) => {
      reads++;
      return states.get(identity) ?? null;
    },
    log: createLogger({ sink: () => undefined }),
  });
  return { bus, states, hub, reads: () => reads };
}

describe('PageEventsHub', () => {
  it('cuts off a page that stopped reading, and keeps serving the others', () => {
    const { bus, hub } = setup();
    const stuck = new FakeSocket();
    const fine = new FakeSocket();
    hub.add(stuck, 'a');
    hub.add(fine, 'b');
    stuck.bufferedAmount = 10 * 1024 * 1024;
    bus.emit('stream.state', { live: null });
    expect(stuck.terminated).toBe(true);
    expect(hub.size).toBe(1);
    expect(fine.sent).toEqual([
      { type: 'stream', stream: { status: 'waiting' } },
      { type: 'stream', stream: { status: 'ended' } },
    ]);
  });

  it('tells a guest only real changes, reading each identity once per burst of events', async () => {
    const { bus, states, hub, reads } = setup();
    states.set('guest-1', 'joined');
    const tabA = new FakeSocket();
    const tabB = new FakeSocket();
    hub.subscribeGuest(hub.add(tabA, 'a'), 'guest-1');
    hub.subscribeGuest(hub.add(tabB, 'a'), 'guest-1');
    const before = reads();
    states.set('guest-1', 'requested');
    const item = { kind: 'stage_request', subject: { identity: 'guest-1', name: 'Ana' } } as never;
    bus.emit('moderation.queued', item);
    bus.emit('stage.changed', { guests: [], spotlight: null });
    await settle();
    expect(reads() - before).toBe(1);
    bus.emit('stage.changed', { guests: [], spotlight: null }); // nothing changed for this guest
    await settle();
    const guestFrames = (socket: FakeSocket) => socket.sent.filter((frame) => (frame as { type: string }).type === 'guest');
    expect(guestFrames(tabA)).toEqual([
      { type: 'guest', state: 'joined' },
      { type: 'guest', state: 'requested' },
    ]);
    expect(guestFrames(tabB)).toEqual(guestFrames(tabA));
  });
});
