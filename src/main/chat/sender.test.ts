import { afterEach, describe, expect, it } from 'vitest';
import { buildChat } from './testing/buildChat';
import { nextEvent } from './testing/fixtures';
import { getChatMessage, listMessagesAfter } from '../db/chat/chatMessages';
import { endStream } from '../db/history/streams';

import type { ChatIdentity } from './room';

const viewer = (identity: string): ChatIdentity => ({ identity, name: identity, role: 'viewer' });

describe('ChatSender and ChatHub: sequence, storage and replay', () => {
  let chat: ReturnType<typeof buildChat>;
  afterEach(() => chat.close());

  it('numbers messages in order, stores each before it is broadcast, and acks with id and seq', async () => {
    chat = buildChat({ rules: { links: 'allow', rateLimit: { messages: 100 } } });
    const { socket } = chat.join('watcher');
    const event = nextEvent(chat.bus, 'chat.messages');
    socket.frames.length = 0;
    socket.raw.length = 0;
    const outcomes = await Promise.all(['a', 'b', 'c'].map((text, i) => chat.sender.send(chat.streamId, viewer(`v${i}`), text)));
    expect(outcomes.map((o) => o.seq)).toEqual([1, 2, 3]);
    expect(outcomes.every((o) => o.status === 'visible')).toBe(true);
    const third = await socket.next('message', (f) => f.message.seq === 3);
    expect(third.message.text).toBe('c');
    expect(getChatMessage(chat.db, third.message.id)?.seq).toBe(3);
    // One storage batch, one broadcast frame, in seq order.
    expect(socket.raw).toHaveLength(1);
    expect(socket.of('message').map((f) => f.message.seq)).toEqual([1, 2, 3]);
    expect(((await event) as { messages: unknown[] }).messages).toHaveLength(3);
  });

  it('under a burst, sends each batch as it commits: before the next batch commits and before any ack', async () => {
    chat = buildChat({ rules: { links: 'allow', repeatedText: 'off', rateLimit: { messages: 1000 } }, maxBatch: 2, delayMs: 60_000 });
    const { socket } = chat.join('watcher');
    socket.raw.length = 0;
    const framesAtAck: number[] = [];
    const send = (i: number) => chat.sender.send(chat.streamId, viewer(`v${i}`), `m${i}`).then(() => framesAtAck.push(socket.raw.length));
    // Sent in one synchronous run, as a burst read from one socket is: the second send fills the
    // batch and commits it, the fourth commits the next one.
    const firstBatch = [send(1), send(2)];
    const seenBeforeSecondCommit = socket.of('message').map((f) => f.message.seq);
    const secondBatch = [send(3), send(4)];
    await Promise.all([...firstBatch, ...secondBatch]);
    expect(seenBeforeSecondCommit).toEqual([1, 2]);
    expect(socket.raw).toHaveLength(2);
    expect(socket.of('message').map((f) => f.message.seq)).toEqual([1, 2, 3, 4]);
    // Every ack follows both broadcasts: no ack leaves while its message is still unsent.
    expect(framesAtAck).toEqual([2, 2, 2, 2]);
  });

  it('gives a joining client the last 50 messages and a resuming client exactly what it missed', async () => {
    chat = buildChat({ rules: { links: 'allow', repeatedText: 'off', rateLimit: { messages: 1000 } } });
    for (let i = 1; i <= 60; i += 1) await chat.sender.send(chat.streamId, viewer('v'), `m${i}`);
    const fresh = chat.join('fresh').socket;
    const welcome = await fresh.next('welcome');
    expect(welcome.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 11));
    expect(welcome.lastSeq).toBe(60);

    const resumed = chat.join('back', 'viewer', 57).socket;
    const replay = await resumed.next('welcome');
    expect(replay.messages.map((m) => m.seq)).toEqual([58, 59, 60]);
    expect(replay.truncated).toBe(false);
  });

  it('tells a resuming client about deletions it missed', async () => {
    chat = buildChat({ rules: { links: 'allow', rateLimit: { messages: 100 } } });
    const first = await chat.sender.send(chat.streamId, viewer('v'), 'first');
    await chat.sender.send(chat.streamId, viewer('v'), 'second');
    await chat.port.removeMessage(chat.streamId, first.id, { actor: 'host', at: chat.clock.now() }, () => undefined);
    const replay = await chat.join('back', 'viewer', 2).socket.next('welcome');
    expect(replay.deleted).toEqual([first.id]);
    expect(replay.messages).toEqual([]);
  });

  it('stores a retried send (same client id) once and acks it the same way', async () => {
    chat = buildChat({ rules: { links: 'allow', rateLimit: { messages: 100 } } });
    const id = 'client-id-0001';
    const [a, b] = await Promise.all([
      chat.sender.send(chat.streamId, viewer('v'), 'hello', id),
      chat.sender.send(chat.streamId, viewer('v'), 'hello', id),
    ]);
    const c = await chat.sender.send(chat.streamId, viewer('v'), 'hello', id);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(listMessagesAfter(chat.db, chat.streamId, 0, 10).messages).toHaveLength(1);
    await expect(chat.sender.send(chat.streamId, viewer('other'), 'steal', id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('holds a message that breaks a rule: stored with a queue item, not broadcast', async () => {
    chat = buildChat({ rules: { links: 'hold' } });
    const { socket } = chat.join('watcher');
    const outcome = await chat.sender.send(chat.streamId, viewer('v'), 'see https://spam.example');
    expect(outcome).toMatchObject({ seq: null, status: 'held' });
    expect(getChatMessage(chat.db, outcome.id)?.status).toBe('held');
    expect(chat.events.some((e) => e.name === 'moderation.queued')).toBe(true);
    // Anything later is broadcast; the held message never is.
    const later = await chat.sender.send(chat.streamId, viewer('v'), 'plain words');
    await socket.next('message', (f) => f.message.id === later.id);
    expect(socket.of('message').map((f) => f.message.id)).toEqual([later.id]);
  });

  it('refuses with clear codes: rate limit, slow mode, blocked, too long, ended stream', async () => {
    chat = buildChat({ rules: { rateLimit: { messages: 2, perSeconds: 10 }, repeatedText: 'off', links: 'block' } });
    const send = (text: string, who = viewer('v')) => chat.sender.send(chat.streamId, who, text);
    await send('one');
    await send('two');
    await expect(send('three')).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(send('go to scam.com', viewer('w'))).rejects.toMatchObject({ code: 'blocked' });
    await expect(send('x'.repeat(501), viewer('x'))).rejects.toMatchObject({ code: 'too_large' });
    chat.rules.update({ slowModeSeconds: 30 });
    await send('first', viewer('s'));
    chat.clock.advance(10_000);
    await expect(send('second', viewer('s'))).rejects.toMatchObject({ code: 'slow_mode', retryAfterMs: 20_000 });
    // Hosts are exempt from limits and rules.
    for (let i = 0; i < 5; i += 1) await send(`host ${i} scam.com`, { identity: 'host', name: 'Host', role: 'host' });
    endStream(chat.db, chat.streamId, chat.clock.now(), 'done');
    await expect(send('late', viewer('y'))).rejects.toMatchObject({ code: 'stream_ended' });
  });

  it('holds first messages of new chatters until one is approved', async () => {
    chat = buildChat({ rules: { holdFirstMessages: true } });
    const first = await chat.sender.send(chat.streamId, viewer('new'), 'hi all');
    expect(first.status).toBe('held');
    await chat.port.publishApproved(chat.streamId, first.id, { actor: 'host', at: chat.clock.now() }, () => undefined);
    const second = await chat.sender.send(chat.streamId, viewer('new'), 'thanks');
    expect(second.status).toBe('visible');
  });
});
