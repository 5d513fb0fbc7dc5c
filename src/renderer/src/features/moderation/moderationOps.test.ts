import { describe, expect, it } from 'vitest';
import type { AuditEntry, ModerationItem } from '../../../../shared/domain/chat';
import { applyModerationOps } from './moderationOps';

function item(id: string, createdAt: number, streamId = 's1'): ModerationItem {
  return {
    id,
    streamId,
    kind: 'held_message',
    status: 'pending',
    subject: { identity: `viewer-${id}`, name: `Viewer ${id}` },
    message: { id: `msg-${id}`, text: 'see https://example.com', createdAt, senderRole: 'viewer' },
    reason: 'link',
    reportCount: 0,
    createdAt,
    decidedBy: null,
    decidedAt: null,
  };
}

function entry(id: number, streamId: string | null = 's1'): AuditEntry {
  return {
    id,
    streamId,
    actor: 'host',
    action: 'approve',
    targetIdentity: 'v',
    targetMessageId: null,
    reason: null,
    details: null,
    createdAt: id,
  };
}

const resolved = (i: ModerationItem): ModerationItem => ({ ...i, status: 'approved', decidedBy: 'host', decidedAt: 9 });

describe('applyModerationOps', () => {
  it('applies a frame of queue churn in order: one new view, every arrival and decision kept', () => {
    const a = item('a', 2);
    const b = item('b', 1);
    const next = applyModerationOps(
      { queue: [], audit: [] },
      [
        { kind: 'queued', item: a },
        { kind: 'queued', item: b },
        { kind: 'resolved', item: resolved(a) },
        { kind: 'audit', entry: entry(1) },
      ],
      's1',
    );
    expect(next.queue.map((i) => i.id)).toEqual(['b']);
    expect(next.audit.map((e) => e.id)).toEqual([1]);
    expect(next.arrived.map(({ item, queueLength }) => [item.id, queueLength])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(next.announcements).toHaveLength(1);
    expect(next.announcements[0]).toContain('Viewer a');
  });

  it('ignores other streams, repeats and unknown resolutions, and keeps the arrays when nothing changed', () => {
    const view = { queue: [item('a', 1)], audit: [entry(1)] };
    const next = applyModerationOps(
      view,
      [
        { kind: 'queued', item: item('x', 1, 'other') },
        { kind: 'resolved', item: resolved(item('y', 1)) },
        { kind: 'audit', entry: entry(1) },
        { kind: 'audit', entry: entry(2, 'other') },
      ],
      's1',
    );
    expect(next.queue).toBe(view.queue);
    expect(next.audit).toBe(view.audit);
    expect(next.arrived).toEqual([]);
    expect(next.announcements).toEqual([]);
  });

  it('re-queuing a known item updates it without announcing it again', () => {
    const a = item('a', 1);
    const next = applyModerationOps({ queue: [a], audit: [] }, [{ kind: 'queued', item: { ...a, reportCount: 3 } }], 's1');
    expect(next.queue[0]?.reportCount).toBe(3);
    expect(next.arrived).toEqual([]);
    expect(next.announcements).toEqual([]);
  });
});
