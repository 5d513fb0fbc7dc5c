import { afterEach, describe, expect, it } from 'vitest';
import { buildChat } from '../chat/testing/buildChat';
import { AppFailure } from '../../shared/result';
import { getChatMessage } from '../db/chat/chatMessages';
import { ModerationService } from './moderationService';

const viewer = (identity: string) => ({ identity, name: identity, role: 'viewer' as const });
const host = { actor: 'host', role: 'owner' as const };

/** Chat wired by hand, with moderation given chat's port as the app gives it. */
function buildModeratedChat(options?: Parameters<typeof buildChat>[0]) {
  const chat = buildChat(options);
  return { ...chat, moderation: new ModerationService({ db: chat.db, bus: chat.bus, chat: chat.port, now: chat.clock.now }) };
}

describe('ModerationService', () => {
  let chat: ReturnType<typeof buildModeratedChat>;
  afterEach(() => chat.close());

  async function held(text = 'see https://held.example', who = 'v1') {
    const outcome = await chat.sender.send(chat.streamId, viewer(who), text);
    const item = chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 100 }).find((i) => i.message?.id === outcome.id);
    if (!item) throw new Error('expected a queue item');
    return { outcome, item };
  }

  it('approve publishes a held message with its original time and a new seq, once', async () => {
    chat = buildModeratedChat({ rules: { links: 'hold' } });
    const { socket } = chat.join('watcher');
    const { outcome, item } = await held();
    expect(item).toMatchObject({ kind: 'held_message', status: 'pending', reason: 'link', subject: { identity: 'v1' } });
    chat.clock.advance(30_000);
    const decided = await chat.moderation.decide(item.id, 'approve', 'moderator:ana');
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'moderator:ana' });
    const shown = await socket.next('message', (f) => f.message.id === outcome.id);
    expect(shown.message.createdAt).toBe(item.createdAt);
    expect(shown.message.seq).toBe(1);
    expect(getChatMessage(chat.db, outcome.id)?.status).toBe('visible');
    await expect(chat.moderation.decide(item.id, 'reject', 'host')).rejects.toMatchObject({ code: 'conflict' });
    const [audit] = chat.moderation.audit(chat.streamId, 10);
    expect(audit).toMatchObject({ action: 'approve', actor: 'moderator:ana', targetIdentity: 'v1', targetMessageId: outcome.id });
  });

  it('reject drops a held message: never shown, marked rejected, audited', async () => {
    chat = buildModeratedChat({ rules: { links: 'hold' } });
    const { socket } = chat.join('watcher');
    const { outcome, item } = await held();
    await chat.moderation.decide(item.id, 'reject', 'host', 'spam');
    expect(getChatMessage(chat.db, outcome.id)?.status).toBe('rejected');
    expect(chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 })).toEqual([]);
    expect(chat.moderation.audit(chat.streamId, 10)[0]).toMatchObject({ action: 'reject', reason: 'spam' });
    expect(socket.of('message')).toEqual([]);
    await expect(chat.moderation.decide('nope', 'approve', 'host')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts reports per message once per reporter; upholding deletes the message everywhere', async () => {
    chat = buildModeratedChat();
    const { socket } = chat.join('watcher');
    const sent = await chat.sender.send(chat.streamId, viewer('author'), 'rude thing');
    chat.moderation.report(chat.streamId, sent.id, viewer('r1'), 'rude');
    chat.moderation.report(chat.streamId, sent.id, viewer('r2'), 'very rude');
    chat.moderation.report(chat.streamId, sent.id, viewer('r1'), 'again');
    const items = chat.moderation.list({ streamId: chat.streamId, status: 'pending', kind: 'report', limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reportCount: 2, subject: { identity: 'author' }, message: { id: sent.id, text: 'rude thing' } });
    await chat.moderation.decide(items[0]!.id, 'approve', 'host');
    await socket.next('deleted', (f) => f.id === sent.id);
    expect(getChatMessage(chat.db, sent.id)?.status).toBe('deleted');
    expect(chat.moderation.itemOf(items[0]!.id)?.status).toBe('approved');
  });

  it('dismissing a report leaves the message; deleting it closes open reports', async () => {
    chat = buildModeratedChat();
    const a = await chat.sender.send(chat.streamId, viewer('author'), 'fine');
    chat.moderation.report(chat.streamId, a.id, viewer('r1'), 'meh');
    const [report] = chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 });
    await chat.moderation.decide(report!.id, 'reject', 'host');
    expect(getChatMessage(chat.db, a.id)?.status).toBe('visible');
    const b = await chat.sender.send(chat.streamId, viewer('author'), 'bad');
    chat.moderation.report(chat.streamId, b.id, viewer('r1'), 'bad');
    await chat.moderation.deleteMessage(b.id, 'host');
    expect(chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 })).toEqual([]);
    await expect(chat.moderation.deleteMessage(b.id, 'host')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('stage requests share the queue; approving one admits the guest first, a refusal leaves it pending', async () => {
    chat = buildModeratedChat();
    const heard: string[] = [];
    let refuse = true;
    chat.moderation.handleStageApprovals(async (item) => {
      if (refuse) throw new AppFailure('livekit_unreachable', 'LiveKit is not answering');
      heard.push(`${item.subject.identity}:${item.status}`);
    });
    const request = chat.moderation.enqueueStageRequest(chat.streamId, { identity: 'g1', name: 'Guest' }, 'I have a question', {
      camera: true,
    });
    expect(request).toMatchObject({ kind: 'stage_request', status: 'pending', message: null, reason: 'I have a question' });
    await expect(chat.moderation.decide(request.id, 'approve', 'host')).rejects.toMatchObject({ code: 'livekit_unreachable' });
    expect(chat.moderation.itemOf(request.id)?.status).toBe('pending');
    refuse = false;
    await chat.moderation.decide(request.id, 'approve', 'host');
    expect(heard).toEqual(['g1:pending']);
    expect(chat.moderation.itemOf(request.id)?.status).toBe('approved');
    const second = chat.moderation.enqueueStageRequest(chat.streamId, { identity: 'g2', name: 'Other' }, '');
    expect(chat.moderation.withdraw(second.id, 'g2')?.status).toBe('withdrawn');
    expect(chat.moderation.withdraw(second.id, 'g2')).toBeNull();
  });

  it('timeout, ban and unban are enforced, told to the chatter and audited', async () => {
    chat = buildModeratedChat();
    const { socket } = chat.join('v1');
    const until = await chat.moderation.timeout(chat.streamId, 'v1', 5, host, 'calm down');
    expect(until).toBe(chat.clock.now() + 5 * 60_000);
    expect((await socket.next('notice')).kind).toBe('timed_out');
    await expect(chat.sender.send(chat.streamId, viewer('v1'), 'hi')).rejects.toMatchObject({ code: 'timed_out' });
    chat.clock.advance(5 * 60_000);
    await expect(chat.sender.send(chat.streamId, viewer('v1'), 'back')).resolves.toMatchObject({ status: 'visible' });

    chat.rules.update({ links: 'hold' });
    const held = await chat.sender.send(chat.streamId, viewer('v1'), 'buy at https://x.example');
    expect(held.status).toBe('held');
    await chat.moderation.ban(chat.streamId, 'v1', 'stream', host, 'abuse');
    // Their held message leaves the queue with the ban.
    expect(chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 })).toEqual([]);
    expect(getChatMessage(chat.db, held.id)?.status).toBe('rejected');
    expect((await socket.next('error')).code).toBe('banned');
    expect(socket.closed?.code).toBe(4403);
    expect(chat.join('v1').peer).toBeNull();
    await expect(chat.sender.send(chat.streamId, viewer('v1'), 'x')).rejects.toMatchObject({ code: 'banned' });
    expect(chat.moderation.bans(chat.streamId).map((b) => b.identity)).toEqual(['v1']);
    expect(await chat.moderation.unban(chat.streamId, 'v1', 'host')).toBe(1);
    expect(chat.join('v1').peer).not.toBeNull();
    await expect(chat.moderation.unban(chat.streamId, 'v1', 'host')).rejects.toThrow(/not banned/);
    expect(chat.moderation.audit(chat.streamId, 10).map((e) => e.action)).toEqual(['unban', 'ban', 'timeout']);
  });

  it('a held message sent in the same tick as the ban is rejected with it, never queued or shown', async () => {
    chat = buildModeratedChat({ rules: { links: 'hold' } });
    const { socket } = chat.join('watcher');
    // Both wait in the writer together: the message was checked before the ban was stored.
    const sending = chat.sender.send(chat.streamId, viewer('v1'), 'buy at https://x.example');
    const banning = chat.moderation.ban(chat.streamId, 'v1', 'stream', host, 'abuse');
    const [sent] = await Promise.all([sending, banning]);
    expect(sent.status).toBe('held');
    expect(getChatMessage(chat.db, sent.id)?.status).toBe('rejected');
    expect(chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 })).toEqual([]);
    expect(chat.moderation.audit(chat.streamId, 1)[0]).toMatchObject({ action: 'ban', details: { heldRejected: 1 } });
    expect(socket.of('message')).toEqual([]);
  });

  it('a message checked before a ban that commits first is refused, not stored', async () => {
    chat = buildModeratedChat({ rules: { links: 'hold' } });
    const { socket } = chat.join('watcher');
    const banning = chat.moderation.ban(chat.streamId, 'v1', 'stream', host, 'abuse');
    const held = chat.sender.send(chat.streamId, viewer('v1'), 'buy at https://x.example');
    const shown = chat.sender.send(chat.streamId, viewer('v1'), 'hello');
    await banning;
    await expect(held).rejects.toMatchObject({ code: 'banned' });
    await expect(shown).rejects.toMatchObject({ code: 'banned' });
    expect(chat.moderation.list({ streamId: chat.streamId, status: 'pending', limit: 10 })).toEqual([]);
    expect(chat.db.prepare('SELECT COUNT(*) AS n FROM chat_messages').get()).toEqual({ n: 0 });
    expect(socket.of('message')).toEqual([]);
  });

  it('pin and highlight go to every client and to late joiners; deleting the message clears them', async () => {
    chat = buildModeratedChat();
    const { socket } = chat.join('watcher');
    const sent = await chat.sender.send(chat.streamId, viewer('v'), 'pin me');
    expect(chat.moderation.pin(chat.streamId, sent.id, 'host')?.id).toBe(sent.id);
    chat.moderation.highlight(chat.streamId, sent.id, 'host');
    expect((await socket.next('pinned')).message?.id).toBe(sent.id);
    expect((await socket.next('highlight')).message?.id).toBe(sent.id);
    const late = await chat.join('late').socket.next('welcome');
    expect(late.pinned?.id).toBe(sent.id);
    expect(late.highlight?.id).toBe(sent.id);
    await chat.moderation.deleteMessage(sent.id, 'host');
    await socket.next('pinned', (f) => f.message === null);
    await socket.next('highlight', (f) => f.message === null);
    expect(() => chat.moderation.pin(chat.streamId, 'missing-id', 'host')).toThrow(/No such message/);
  });
});
