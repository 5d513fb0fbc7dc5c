import { describe, expect, it } from 'vitest';
import { FakeSocket } from './testing/fakeSocket';
import { ChatRoom, type ChatPeer } from './room';

function peer(socket: FakeSocket, identity: string): ChatPeer {
  return {
    streamId: 's',
    who: { identity, name: identity, role: 'viewer' },
    actor: identity,
    socket,
    reactionWindow: { start: 0, count: 0 },
  };
}

const message = (seq: number) => ({
  type: 'message' as const,
  message: { id: `m${seq}`, seq, sender: { identity: 'x', name: 'x', role: 'viewer' as const }, text: `t${seq}`, createdAt: seq },
});

describe('ChatRoom', () => {
  it('batches frames published in one turn into one array frame, serialized once for all peers', () => {
    const room = new ChatRoom('s', 0, { maxBufferedBytes: 1024 });
    const a = new FakeSocket();
    const b = new FakeSocket();
    room.add(peer(a, 'a'));
    room.add(peer(b, 'b'));
    room.publish(message(1));
    room.publish(message(2));
    room.flush();
    expect(a.raw).toHaveLength(1);
    expect(a.raw[0]).toBe(b.raw[0]);
    expect(a.frames.map((f) => f.type === 'message' && f.message.seq)).toEqual([1, 2]);
  });

  it('cuts off a peer that stopped reading, without holding back the others', () => {
    const cut: string[] = [];
    const room = new ChatRoom('s', 0, { maxBufferedBytes: 1024 });
    room.on('slowConsumer', (p) => cut.push(p.who.identity));
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    room.add(peer(slow, 'slow'));
    room.add(peer(fast, 'fast'));
    slow.bufferedAmount = 4096;
    room.publish(message(1));
    room.flush();
    expect(slow.terminated).toBe(true);
    expect(slow.raw).toHaveLength(0);
    expect(cut).toEqual(['slow']);
    expect(fast.frames).toHaveLength(1);
    expect(room.peers.size).toBe(1);
  });

  it('sends what was queued to existing peers before a new peer joins', () => {
    const room = new ChatRoom('s', 0, { maxBufferedBytes: 1024 });
    const early = new FakeSocket();
    room.add(peer(early, 'early'));
    room.publish(message(1));
    const late = new FakeSocket();
    room.add(peer(late, 'late'));
    room.flush();
    expect(early.frames).toHaveLength(1);
    // The late peer read message 1 from the database in its welcome; it must not get it again.
    expect(late.frames).toHaveLength(0);
  });

  it('hands out increasing seqs from the stored maximum', () => {
    const room = new ChatRoom('s', 41, { maxBufferedBytes: 1024 });
    expect([room.nextSeq(), room.nextSeq()]).toEqual([42, 43]);
    expect(room.lastSeq).toBe(43);
  });
});
