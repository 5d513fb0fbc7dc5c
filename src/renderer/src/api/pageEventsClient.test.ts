import { describe, expect, it } from 'vitest';
import type { PageStream } from '../../../shared/contract/pageEvents';
import { ManualTimers } from '../testSupport/manualTimers';
import { PageEventsClient, type ChannelState, type PageSocketLike } from './pageEventsClient';

class FakeSocket implements PageSocketLike {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly sent: string[] = [];
  closedWith: number | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code ?? 1005;
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
}

function setup(guestToken: string | null = null) {
  const timers = new ManualTimers();
  const sockets: FakeSocket[] = [];
  const states: ChannelState[] = [];
  const streams: PageStream[] = [];
  const guests: string[] = [];
  const client = new PageEventsClient({
    url: 'ws://studio.test/events',
    guestToken: () => guestToken,
    timers,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
  });
  client.on('state', (s) => states.push(s));
  client.on('stream', (s) => streams.push(s));
  client.on('guest', (s) => guests.push(s));
  return { timers, sockets, states, streams, guests, client };
}

const LIVE = { status: 'live', title: 'Show', mode: 'screen_guests', startedAt: 1 } as const;

describe('PageEventsClient', () => {
  it('is up from the first stream frame and hands on validated frames only', () => {
    const { sockets, states, streams, client } = setup();
    client.start();
    expect(client.state).toBe('connecting');
    sockets[0]!.onopen?.();
    expect(sockets[0]!.sent).toEqual([]); // a viewer sends nothing
    sockets[0]!.receive({ type: 'stream', stream: { status: 'waiting' } });
    expect(client.state).toBe('up');
    sockets[0]!.receive('{garbage');
    sockets[0]!.receive({ type: 'stream', stream: { status: 'live', title: 'No mode' } });
    sockets[0]!.receive({ type: 'stream', stream: LIVE });
    expect(streams).toEqual([{ status: 'waiting' }, LIVE]);
    expect(client.stream).toEqual(LIVE);
    expect(states).toEqual(['connecting', 'up']);
  });

  it('a guest page sends its token on every connect and hears its state', () => {
    const { sockets, guests, client, timers } = setup('t'.repeat(43));
    client.start();
    sockets[0]!.onopen?.();
    expect(JSON.parse(sockets[0]!.sent[0]!)).toEqual({ type: 'guest', guestToken: 't'.repeat(43) });
    sockets[0]!.receive({ type: 'guest', state: 'requested' });
    expect(guests).toEqual(['requested']);
    sockets[0]!.onclose?.({ code: 1006 });
    timers.fire();
    sockets[1]!.onopen?.();
    expect(sockets[1]!.sent).toHaveLength(1);
  });

  it('reconnects with back-off after a drop and stops for good after a final close', () => {
    const { sockets, timers, client } = setup();
    client.start();
    sockets[0]!.onclose?.({ code: 1006 });
    expect(client.state).toBe('down');
    expect(timers.delays).toEqual([1_000]);
    timers.fire();
    sockets[1]!.onclose?.({ code: 1006 });
    expect(timers.delays).toEqual([2_000]);
    timers.fire();
    sockets[2]!.receive({ type: 'stream', stream: { status: 'waiting' } });
    sockets[2]!.onclose?.({ code: 1001 });
    expect(timers.delays).toEqual([1_000]); // a connection that worked starts the back-off over
    timers.fire();
    sockets[3]!.onclose?.({ code: 4401 });
    expect(timers.delays).toEqual([]);
    expect(sockets).toHaveLength(4);
  });

  it('stop closes the socket and cancels a pending reconnect', () => {
    const { sockets, timers, client } = setup();
    client.start();
    sockets[0]!.onclose?.({ code: 1006 });
    client.stop();
    expect(timers.delays).toEqual([]);
    client.start();
    client.stop();
    expect(sockets[1]!.closedWith).toBe(1000);
    expect(client.state).toBe('down');
  });
});
