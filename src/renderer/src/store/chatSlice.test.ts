import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../shared/domain/chat';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';

const message = (seq: number): ChatMessage => ({
  id: `m${seq}`,
  seq,
  sender: { identity: 'v1', name: 'Viewer', role: 'viewer' } as ChatMessage['sender'],
  text: `hello ${seq}`,
  createdAt: seq,
});
const page = (streamId: string, messages: ChatMessage[]) => ({ streamId, messages, pinned: null, highlight: null });

describe('chat slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads the live chat in seq order', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('chat.history', page('s1', [message(2), message(1)]));
    await store.getState().refreshChat();
    expect(client.paramsOf('chat.history')).toEqual([{ limit: 100 }]);
    expect(store.getState().chatMessages.map((m) => m.seq)).toEqual([1, 2]);
    expect(store.getState()).toMatchObject({ chatStreamId: 's1', chatStatus: 'ready', chatError: null });
  });

  it('clears the chat when nothing is live, and keeps other failures as the error', async () => {
    const { client, store } = createTestStudio();
    client.answer('chat.history', fail('not_found', 'no stream'));
    await store.getState().refreshChat();
    expect(store.getState()).toMatchObject({ chatStatus: 'offline', chatMessages: [] });
    client.answer('chat.history', fail('internal', 'disk'));
    await store.getState().refreshChat();
    expect(store.getState()).toMatchObject({ chatStatus: 'error', chatError: { code: 'internal' } });
  });

  it('applies pushed messages and deletions of the shown stream once per frame', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('chat.history', page('s1', [message(1)]));
    await store.getState().refreshChat();
    store.getState().receiveChatMessages({ streamId: 's1', messages: [message(2)] });
    store.getState().receiveChatMessages({ streamId: 'other', messages: [message(9)] });
    store.getState().receiveChatDeleted({ streamId: 's1', messageId: 'm1' });
    expect(store.getState().chatMessages.map((m) => m.seq)).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(store.getState().chatMessages.map((m) => m.seq)).toEqual([2]);
  });

  it('loads once when messages arrive for a stream not shown yet', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('chat.history', page('s2', [message(1)]));
    store.getState().receiveChatMessages({ streamId: 's2', messages: [message(1)] });
    store.getState().receiveChatMessages({ streamId: 's2', messages: [message(2)] });
    await vi.runAllTimersAsync();
    expect(client.paramsOf('chat.history')).toHaveLength(1);
    expect(store.getState().chatStreamId).toBe('s2');
  });

  it('follows pin and highlight of the shown stream only', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('chat.history', page('s1', []));
    await store.getState().refreshChat();
    store.getState().applyChatPinned({ streamId: 's1', message: message(3) });
    store.getState().applyChatHighlighted({ streamId: 'other', message: message(4) });
    expect(store.getState()).toMatchObject({ chatPinned: message(3), chatHighlight: null });
  });

  it('sends to the shown stream and returns the error to show', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('chat.history', page('s1', []));
    await store.getState().refreshChat();
    client.answer('chat.send', ok({ id: 'm5', seq: 5 }));
    expect(await store.getState().sendChat('hi')).toBeNull();
    expect(client.paramsOf('chat.send')).toEqual([{ streamId: 's1', text: 'hi' }]);
    client.answer('chat.send', fail('rate_limited', 'Slow down'));
    expect(await store.getState().sendChat('hi')).toEqual({ code: 'rate_limited', message: 'Slow down' });
  });
});
