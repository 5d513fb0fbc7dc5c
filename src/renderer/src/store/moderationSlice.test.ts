import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, ChatRules, ModerationItem } from '../../../shared/domain/chat';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';

const item = (id: string, createdAt: number, status: ModerationItem['status'] = 'pending'): ModerationItem => ({
  id,
  streamId: 's1',
  kind: 'held_message',
  status,
  subject: { identity: 'v1', name: 'Viewer' },
  message: null,
  reason: '',
  reportCount: 0,
  createdAt,
  decidedBy: null,
  decidedAt: null,
});
const entry = { id: 1, streamId: 's1', action: 'delete' } as AuditEntry;
const rules = { slowModeSeconds: 0 } as unknown as ChatRules;

describe('moderation slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the live stream queue, oldest first, and its audit log', async () => {
    const { client, store } = createTestStudio();
    client
      .answerOk('moderation.list', { items: [item('b', 2), item('a', 1)] } as never)
      .answerOk('moderation.audit', { entries: [entry] } as never);
    await store.getState().refreshModeration('s1');
    expect(client.paramsOf('moderation.list')).toEqual([{ streamId: 's1', status: 'pending', limit: 200 }]);
    expect(client.paramsOf('moderation.audit')).toEqual([{ streamId: 's1', limit: 100 }]);
    expect(store.getState().queue.map((i) => i.id)).toEqual(['a', 'b']);
    expect(store.getState().audit).toEqual([entry]);
  });

  it('empties the queue without asking when nothing is live', async () => {
    const { client, store } = createTestStudio();
    store.setState({ queue: [item('a', 1)] });
    await store.getState().refreshModeration(null);
    expect(client.calls).toEqual([]);
    expect(store.getState().queue).toEqual([]);
  });

  it('decides an item and drops it from the queue', async () => {
    const { client, store } = createTestStudio();
    store.setState({ chatStreamId: 's1', queue: [item('a', 1)] });
    client.answer('moderation.decide', ok(item('a', 1, 'approved')));
    expect(await store.getState().decide(item('a', 1), 'approve')).toBe(true);
    expect(client.paramsOf('moderation.decide')).toEqual([{ itemId: 'a', decision: 'approve' }]);
    vi.advanceTimersByTime(100);
    expect(store.getState().queue).toEqual([]);
  });

  it('announces a decision that failed', async () => {
    const { client, store } = createTestStudio();
    client.answer('moderation.decide', fail('conflict', 'already decided'));
    expect(await store.getState().decide(item('a', 1), 'reject')).toBe(false);
    expect(store.getState().announcement?.text).toBe('Could not reject this item: already decided');
  });

  it('runs a moderator action on the shown stream and announces the outcome', async () => {
    const { client, store } = createTestStudio();
    store.setState({ chatStreamId: 's1' });
    client.answer('chat.timeout', ok({ until: 5 }));
    expect(await store.getState().moderate({ type: 'timeout', identity: 'v1', name: 'Vi', minutes: 5 })).toBe(true);
    expect(client.paramsOf('chat.timeout')).toEqual([{ streamId: 's1', identity: 'v1', minutes: 5 }]);
    expect(store.getState().announcement?.text).toBe('Vi timed out for 5 minutes.');
    client.answer('chat.delete', fail('not_found', 'gone'));
    expect(await store.getState().moderate({ type: 'delete', messageId: 'm1' })).toBe(false);
    expect(store.getState().announcement?.text).toBe('That did not work: gone');
  });

  it('loads and saves the rules, keeping a refusal as the error', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('rules.get', rules);
    await store.getState().loadRules();
    expect(store.getState().rules).toBe(rules);
    client.answerOk('rules.update', rules);
    expect(await store.getState().saveRules({})).toBe(true);
    expect(store.getState()).toMatchObject({ rulesSaving: false, rulesError: null });
    client.answer('rules.update', fail('bad_request', 'too long'));
    expect(await store.getState().saveRules({})).toBe(false);
    expect(store.getState()).toMatchObject({ rulesSaving: false, rulesError: { code: 'bad_request' } });
  });

  it('creates a moderator link or returns the error', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('moderation.createModeratorLink', { url: 'http://x/m', actor: 'host' });
    expect(await store.getState().createModeratorLink('Ana')).toEqual({ ok: true, url: 'http://x/m' });
    client.answer('moderation.createModeratorLink', fail('forbidden', 'no'));
    expect(await store.getState().createModeratorLink('Ana')).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
  });

  it('applies pushed audit entries once per frame', () => {
    const { store } = createTestStudio();
    store.setState({ chatStreamId: 's1' });
    store.getState().applyAudit(entry);
    vi.advanceTimersByTime(100);
    expect(store.getState().audit).toEqual([entry]);
  });
});
