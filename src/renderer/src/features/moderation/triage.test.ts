import { describe, expect, it } from 'vitest';
import type { ModerationItem, ModerationKind } from '../../../../shared/domain/chat';
import { intentOfKey, isHelpKey, reconcileSelection, triage } from './triage';

function item(id: string, kind: ModerationKind = 'held_message'): ModerationItem {
  return {
    id,
    streamId: 's1',
    kind,
    status: 'pending',
    subject: { identity: `viewer-${id}`, name: `Viewer ${id}` },
    message: kind === 'stage_request' ? null : { id: `msg-${id}`, text: 'hi', createdAt: 1, senderRole: 'viewer' },
    reason: 'link',
    reportCount: kind === 'report' ? 2 : 0,
    createdAt: 1,
    decidedBy: null,
    decidedAt: null,
  };
}

const queue = [item('a'), item('b', 'report'), item('c', 'stage_request')];
const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  intentOfKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard triage', () => {
  it('maps keys to intents and ignores modified keys', () => {
    expect(['j', 'k', 'a', 'r', 'd', 't', 'b', 'ArrowDown'].map((k) => key(k))).toEqual([
      'next',
      'previous',
      'approve',
      'reject',
      'delete',
      'timeout',
      'ban',
      'next',
    ]);
    expect(key('a', { ctrlKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });

  it('with single-key shortcuts off, only the arrows move and no letter acts', () => {
    const off = (k: string) => intentOfKey({ key: k, ctrlKey: false, metaKey: false, altKey: false }, false);
    expect(['j', 'k', 'a', 'r', 'd', 't', 'b'].map(off)).toEqual([null, null, null, null, null, null, null]);
    expect(off('ArrowDown')).toBe('next');
    expect(off('ArrowUp')).toBe('previous');
  });

  it('? asks for help, Ctrl+? does not', () => {
    expect(isHelpKey({ key: '?', ctrlKey: false, metaKey: false, altKey: false })).toBe(true);
    expect(isHelpKey({ key: '?', ctrlKey: true, metaKey: false, altKey: false })).toBe(false);
    expect(isHelpKey({ key: '/', ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
  });

  it('moves with j/k, staying within the queue', () => {
    expect(triage(queue, null, 'next').selectedId).toBe('a');
    expect(triage(queue, 'a', 'next').selectedId).toBe('b');
    expect(triage(queue, 'c', 'next').selectedId).toBe('c');
    expect(triage(queue, 'b', 'previous').selectedId).toBe('a');
    expect(triage(queue, 'a', 'previous').selectedId).toBe('a');
    expect(triage([], 'a', 'next')).toEqual({ selectedId: null, command: null });
  });

  it('approves and rejects the selected item (the first when none is selected)', () => {
    expect(triage(queue, 'b', 'approve').command).toEqual({ type: 'decide', item: queue[1], decision: 'approve' });
    expect(triage(queue, null, 'reject')).toEqual({ selectedId: 'a', command: { type: 'decide', item: queue[0], decision: 'reject' } });
  });

  it('delete removes the content: drops a held message, upholds a report, explains for a stage request', () => {
    expect(triage(queue, 'a', 'delete').command).toMatchObject({ type: 'decide', decision: 'reject' });
    expect(triage(queue, 'b', 'delete').command).toMatchObject({ type: 'decide', decision: 'approve' });
    expect(triage(queue, 'c', 'delete').command).toMatchObject({ type: 'explain' });
  });

  it('timeout and ban deal with the author and resolve the item', () => {
    expect(triage(queue, 'a', 'timeout').command).toEqual({ type: 'timeout', item: queue[0], minutes: 5, then: 'reject' });
    expect(triage(queue, 'b', 'ban').command).toEqual({ type: 'ban', item: queue[1], then: 'approve' });
  });

  it('keeps the selection on the same item, or moves to the one that took its place', () => {
    expect(reconcileSelection(queue, queue, 'b')).toBe('b');
    expect(reconcileSelection(queue, [queue[0]!, queue[2]!], 'b')).toBe('c');
    expect(reconcileSelection(queue, [queue[0]!, queue[1]!], 'c')).toBe('b');
    expect(reconcileSelection(queue, [], 'a')).toBeNull();
    expect(reconcileSelection([], queue, null)).toBe('a');
  });
});
