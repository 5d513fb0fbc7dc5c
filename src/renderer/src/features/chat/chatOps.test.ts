import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../../shared/domain/chat';
import { applyChatOps } from './chatOps';

function msg(seq: number, id = `m${seq}`): ChatMessage {
  return { id, seq, text: `text ${seq}`, createdAt: seq * 1000, sender: { identity: 'v1', name: 'Ana', role: 'viewer' } };
}
const seqs = (list: readonly ChatMessage[]) => list.map((m) => m.seq);

describe('applyChatOps', () => {
  it('appends in seq order, inserts late arrivals and ignores known ids', () => {
    const start = [msg(1), msg(3)];
    const next = applyChatOps(start, [{ kind: 'messages', messages: [msg(4), msg(2), msg(3)] }]);
    expect(seqs(next)).toEqual([1, 2, 3, 4]);
    expect(seqs(start)).toEqual([1, 3]);
  });

  it('returns the same array when nothing changed', () => {
    const start = [msg(1)];
    expect(
      applyChatOps(start, [
        { kind: 'messages', messages: [msg(1)] },
        { kind: 'deleted', id: 'nope' },
      ]),
    ).toBe(start);
  });

  it('removes deleted messages, also ones that arrived in the same batch', () => {
    const next = applyChatOps(
      [msg(1), msg(2)],
      [
        { kind: 'messages', messages: [msg(3)] },
        { kind: 'deleted', id: 'm3' },
        { kind: 'deleted', id: 'm1' },
        { kind: 'messages', messages: [msg(3)] },
      ],
    );
    expect(seqs(next)).toEqual([2]);
  });

  it('resets to a fresh page and caps the list, oldest first out', () => {
    const reset = applyChatOps([msg(1)], [{ kind: 'reset', messages: [msg(7), msg(8)] }]);
    expect(seqs(reset)).toEqual([7, 8]);
    const kept = applyChatOps(
      [msg(1), msg(9)],
      [
        { kind: 'messages', messages: [msg(10)] },
        { kind: 'reset', messages: [msg(7), msg(8)], keepNewerThan: 8 },
      ],
    );
    expect(seqs(kept)).toEqual([7, 8, 9, 10]);
    const capped = applyChatOps([], [{ kind: 'messages', messages: Array.from({ length: 10 }, (_, i) => msg(i + 1)) }], 4);
    expect(seqs(capped)).toEqual([7, 8, 9, 10]);
  });
});
