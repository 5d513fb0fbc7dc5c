import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './testing/fixtures';
import { insertChatMessage, getChatMessage } from '../db/chat/chatMessages';
import { BatchWriter } from './writer';

const sender = { identity: 'v1', name: 'Viewer', role: 'viewer' as const };

describe('BatchWriter', () => {
  const { db, streamId } = freshDb();
  afterEach(() => db.prepare('DELETE FROM chat_messages').run());

  it('commits writes submitted together in one transaction, in order, before resolving', async () => {
    const writer = new BatchWriter(db, { delayMs: 5 });
    let commits = 0;
    const order: number[] = [];
    const all = [1, 2, 3].map((n) =>
      writer
        .submit(() => {
          insertChatMessage(db, {
            id: `m-000000${n}`,
            streamId,
            seq: n,
            sender,
            text: `t${n}`,
            createdAt: n,
            status: 'visible',
            holdReason: null,
          });
          return n;
        })
        .then((value) => {
          // Stored before the continuation runs: this is what "stored before broadcast" relies on.
          expect(getChatMessage(db, `m-000000${value}`)?.seq).toBe(value);
          order.push(value);
          commits += 1;
        }),
    );
    expect(writer.pending).toBe(3);
    expect(getChatMessage(db, 'm-0000001')).toBeUndefined();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
    expect(commits).toBe(3);
  });

  it('isolates a failing write: the others in the batch still commit', async () => {
    const writer = new BatchWriter(db, { delayMs: 5 });
    const insert = (id: string, seq: number) => () =>
      insertChatMessage(db, { id, streamId, seq, sender, text: 'x', createdAt: 1, status: 'visible', holdReason: null });
    const first = writer.submit(insert('dup-00001', 1));
    const duplicate = writer.submit(insert('dup-00001', 2));
    const third = writer.submit(insert('ok-000003', 3));
    await expect(first).resolves.toBeUndefined();
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    await expect(third).resolves.toBeUndefined();
    expect(getChatMessage(db, 'ok-000003')).toBeDefined();
  });

  it('commits at once when the batch is full, and refuses writes after close', async () => {
    const writer = new BatchWriter(db, { delayMs: 60_000, maxBatch: 2 });
    const a = writer.submit(() => 1);
    const b = writer.submit(() => 2);
    await expect(Promise.all([a, b])).resolves.toEqual([1, 2]);
    const c = writer.submit(() => 3);
    writer.close();
    await expect(c).resolves.toBe(3);
    await expect(writer.submit(() => 4)).rejects.toThrow(/closed/);
  });

  it('commits chat with synchronous=FULL (acked survives power loss) and leaves the connection at NORMAL', async () => {
    const writer = new BatchWriter(db, { delayMs: 1 });
    // 2 = FULL, 1 = NORMAL (SQLite's numbering).
    const during = await writer.submit(() => db.pragma('synchronous', { simple: true }));
    expect(during).toBe(2);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('runs each commit callback, then the after-batch hook, then resolves', async () => {
    const order: string[] = [];
    const writer = new BatchWriter(db, { delayMs: 1, afterBatch: () => order.push('batch') });
    const a = writer
      .submit(
        () => 'a',
        (v) => order.push(`committed ${v}`),
      )
      .then((v) => order.push(`resolved ${v}`));
    const b = writer
      .submit(
        () => 'b',
        (v) => order.push(`committed ${v}`),
      )
      .then((v) => order.push(`resolved ${v}`));
    await Promise.all([a, b]);
    expect(order).toEqual(['committed a', 'committed b', 'batch', 'resolved a', 'resolved b']);
  });
});
