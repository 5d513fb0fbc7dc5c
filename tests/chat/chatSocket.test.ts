import { afterEach, describe, expect, it } from 'vitest';
import { listMessagesAfter } from '../../src/main/db/chat/chatMessages';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

describe('chat socket with real ws clients', () => {
  let server: TestChatServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.ws.terminate();
    await server.close();
  });

  async function viewer(identity: string, since?: number): Promise<TestClient> {
    const token = await mintChatToken(server.roomName, identity);
    const client = await TestClient.join(server.url(since === undefined ? { token } : { token, since: String(since) }));
    clients.push(client);
    return client;
  }

  async function moderator(): Promise<TestClient> {
    const session = server.sessions.create('moderator', 'moderator:ana');
    const client = await TestClient.join(server.url({ session, room: server.roomName }));
    clients.push(client);
    return client;
  }

  it('fans a message out to every connected client and acks the sender with id and seq', async () => {
    server = await startChatServer();
    const watchers = await Promise.all(Array.from({ length: 25 }, (_, i) => viewer(`w${i}`)));
    const sender = await viewer('sender');
    const ack = await sender.request({ type: 'send', text: 'hello everyone' });
    expect(ack).toMatchObject({ type: 'ack', seq: 1, status: 'visible' });
    const id = ack.type === 'ack' ? ack.id : '';
    const received = await Promise.all(watchers.map((w) => w.next('message', (f) => f.message.id === id)));
    expect(received.every((f) => f.message.text === 'hello everyone' && f.message.sender.identity === 'sender')).toBe(true);
    expect(received[0]?.message.sender).toEqual({ identity: 'sender', name: 'Name sender', role: 'viewer' });
  });

  it('holds a message for review; approving delivers it to everyone with its original time', async () => {
    server = await startChatServer({ rules: { links: 'hold' } });
    const watcher = await viewer('watcher');
    const mod = await moderator();
    const author = await viewer('author');
    const ack = await author.request({ type: 'send', text: 'my site: https://example.com' });
    expect(ack).toMatchObject({ type: 'ack', seq: null, status: 'held' });
    const [item] = server.chat.moderation.list({ streamId: server.streamId, status: 'pending', limit: 10 });
    expect(item?.message?.text).toBe('my site: https://example.com');
    // Nothing reaches anyone while held: a later message arrives first and alone.
    const later = await author.request({ type: 'send', text: 'plain text' });
    const laterId = later.type === 'ack' ? later.id : '';
    await watcher.next('message', (f) => f.message.id === laterId);
    expect(watcher.of('message')).toHaveLength(1);

    expect(await mod.request({ type: 'approve', itemId: item!.id })).toMatchObject({ type: 'done' });
    const approved = await watcher.next('message', (f) => f.message.text.startsWith('my site'));
    expect(approved.message.createdAt).toBe(item!.createdAt);
    expect(approved.message.seq).toBe(2);
    await author.next('message', (f) => f.message.seq === 2);
  });

  it('propagates a delete to every client, and refuses moderation frames from viewers', async () => {
    server = await startChatServer();
    const a = await viewer('a');
    const b = await viewer('b');
    const mod = await moderator();
    const ack = await a.request({ type: 'send', text: 'regrettable' });
    const id = ack.type === 'ack' ? ack.id : '';
    expect(await b.request({ type: 'delete', messageId: id })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await mod.request({ type: 'delete', messageId: id, reason: 'rude' })).toMatchObject({ type: 'done' });
    await Promise.all([a, b, mod].map((c) => c.next('deleted', (f) => f.id === id)));
    const late = await viewer('late');
    expect(late.of('welcome')[0]?.messages).toEqual([]);
    expect(server.chat.moderation.audit(server.streamId, 5)[0]).toMatchObject({ action: 'delete', actor: 'moderator:ana', reason: 'rude' });
  });

  it('enforces timeouts and bans; a ban holds across reconnect', async () => {
    server = await startChatServer();
    const target = await viewer('troll');
    const mod = await moderator();
    expect(await mod.request({ type: 'timeout', identity: 'troll', minutes: 1 })).toMatchObject({ type: 'done' });
    expect(await target.next('notice')).toMatchObject({ kind: 'timed_out' });
    expect(await target.request({ type: 'send', text: 'hey' })).toMatchObject({ type: 'error', code: 'timed_out' });

    expect(await mod.request({ type: 'ban', identity: 'troll', scope: 'stream', reason: 'spam' })).toMatchObject({ type: 'done' });
    expect(await target.next('error', (f) => f.code === 'banned')).toBeTruthy();
    expect((await target.closed).code).toBe(4403);

    const token = await mintChatToken(server.roomName, 'troll');
    const again = await TestClient.connect(server.url({ token }));
    clients.push(again);
    expect(await again.next('error')).toMatchObject({ code: 'banned' });
    expect((await again.closed).code).toBe(4403);
    expect(again.of('welcome')).toEqual([]);
  });

  it('a client that drops mid-stream resumes with exactly what it missed: nothing lost, nothing doubled', async () => {
    server = await startChatServer({ rules: { rateLimit: { messages: 1000, perSeconds: 1 }, repeatedText: 'off' } });
    const sender = await viewer('sender');
    const mod = await moderator();
    const reader = await viewer('reader');
    const seen = new Map<string, number>();
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const ack = await sender.request({ type: 'send', text: `before ${i}` });
      if (ack.type === 'ack') ids.push(ack.id);
    }
    await reader.next('message', (f) => f.message.seq === 10);
    for (const f of reader.of('message')) seen.set(f.message.id, f.message.seq);
    const lastSeq = Math.max(...seen.values());
    reader.ws.terminate();
    await reader.closed;

    for (let i = 0; i < 15; i += 1) {
      const ack = await sender.request({ type: 'send', text: `while away ${i}` });
      if (ack.type === 'ack') ids.push(ack.id);
    }
    // One message the reader had seen is deleted while it is away.
    expect(await mod.request({ type: 'delete', messageId: ids[3] })).toMatchObject({ type: 'done' });

    const back = await viewer('reader', lastSeq);
    const welcome = back.of('welcome')[0]!;
    expect(welcome.messages.map((m) => m.seq)).toEqual(Array.from({ length: 15 }, (_, i) => 11 + i));
    expect(welcome.deleted).toEqual([ids[3]]);
    for (const m of welcome.messages) {
      expect(seen.has(m.id)).toBe(false);
      seen.set(m.id, m.seq);
    }
    for (const id of welcome.deleted) seen.delete(id);
    const stored = listMessagesAfter(server.db, server.streamId, 0, 100).messages;
    expect([...seen.keys()].sort()).toEqual(stored.map((m) => m.id).sort());
  });

  it('takes identity, name and role from the verified token', async () => {
    server = await startChatServer();
    const join = async (identity: string, role: string) => {
      const client = await TestClient.connect(server.url({ token: await mintChatToken(server.roomName, identity, role) }));
      clients.push(client);
      return client;
    };
    const mod = await join('m1', 'moderator');
    expect((await mod.next('welcome')).you).toEqual({ identity: 'm1', name: 'Name m1', role: 'moderator' });
    const guest = await join('g1', 'stage_guest');
    expect((await guest.next('welcome')).you.role).toBe('guest');
    const ack = await guest.request({ type: 'send', text: 'guest here' });
    const id = ack.type === 'ack' ? ack.id : '';
    expect(await guest.request({ type: 'pin', messageId: id })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await mod.request({ type: 'pin', messageId: id })).toMatchObject({ type: 'done' });
    expect((await guest.next('pinned')).message?.id).toBe(id);
    const odd = await join('x1', 'admin');
    expect(await odd.next('error')).toMatchObject({ code: 'unauthorized' });
    expect((await odd.closed).code).toBe(4401);
  });

  it('aggregates reactions into one frame per interval', async () => {
    server = await startChatServer();
    const a = await viewer('a');
    const b = await viewer('b');
    for (let i = 0; i < 3; i += 1) a.sendRaw(JSON.stringify({ type: 'react', reaction: 'heart' }));
    b.sendRaw(JSON.stringify({ type: 'react', reaction: 'fire' }));
    const frame = await b.next('reactions', (f) => (f.counts['heart'] ?? 0) + (f.counts['fire'] ?? 0) >= 4);
    expect(frame.counts).toEqual({ heart: 3, fire: 1 });
  });

  it('a moderator link opens a moderator session: moderation yes, settings no', async () => {
    server = await startChatServer();
    const { createDispatcher } = await import('../../src/main/api/dispatch');
    const dispatch = createDispatcher(server.chat.handlers as never, { info() {}, warn() {}, error() {} });
    const owner = { role: 'owner' as const, actor: 'host' };
    const link = await dispatch('moderation.createModeratorLink', { label: 'Ana' }, owner);
    expect(link).toMatchObject({ ok: true, value: { actor: 'moderator:Ana' } });
    const url = new URL((link as { value: { url: string } }).value.url);
    // The link is spent as the studio page would on first visit; its session is what the console holds.
    const session = server.sessions.redeem(url.searchParams.get('session'))?.session ?? null;
    expect(session).toMatchObject({ role: 'moderator', actor: 'moderator:Ana' });
    const ctx = { role: 'moderator' as const, actor: session!.actor };
    expect(await dispatch('rules.update', { slowModeSeconds: 5 }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('moderation.createModeratorLink', { label: 'x' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch('moderation.list', {}, ctx)).toMatchObject({ ok: true, value: { items: [] } });
    const sent = await dispatch('chat.send', { text: 'hello from the console' }, ctx);
    expect(sent).toMatchObject({ ok: true, value: { seq: 1 } });
    expect(await dispatch('chat.timeout', { identity: 'x', minutes: 2 }, ctx)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const audit = await dispatch('moderation.audit', {}, ctx);
    expect(audit).toMatchObject({ ok: true });
  });
});
