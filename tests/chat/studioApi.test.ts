import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/api/dispatch';
import type { CallContext, Handlers } from '../../src/main/api/types';
import type { Result } from '../../src/shared/result';
import { valueOf, type MethodName, type ParamsOf, type ResultOf } from '../support/contractCall';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

/** The chat and moderation methods through the same dispatcher both studio transports use. */
describe('chat studio API', () => {
  let server: TestChatServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await server.close();
  });

  const owner = { role: 'owner' as const, actor: 'host' };
  const mod = { role: 'moderator' as const, actor: 'moderator:ana' };

  async function setup() {
    server = await startChatServer({ rules: { links: 'hold' } });
    // Only the chat methods are wired here; the dispatcher never reaches the others in this test.
    const untyped = createDispatcher(server.chat.handlers as unknown as Handlers, { info() {}, warn() {}, error() {} });
    // The dispatcher answers a contract method with that method's result: read it typed here.
    const dispatch = <M extends MethodName>(method: M, params: ParamsOf<M>, ctx: CallContext) =>
      untyped(method, params, ctx) as Promise<Result<ResultOf<M>>>;
    const viewer = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, 'v1') }));
    clients.push(viewer);
    return { dispatch, viewer };
  }

  it('queue, decisions, pin, history and audit through the studio API', async () => {
    const { dispatch, viewer } = await setup();
    const queued = new Promise((resolve) => server.bus.onAny((event, payload) => event === 'moderation.queued' && resolve(payload)));
    expect(await viewer.request({ type: 'send', text: 'link: https://x.example' })).toMatchObject({ status: 'held' });
    const item = (await queued) as { id: string };
    const list = await dispatch('moderation.list', {}, mod);
    expect(list).toMatchObject({ ok: true, value: { items: [{ id: item.id, kind: 'held_message', reason: 'link' }] } });
    expect(await dispatch('moderation.decide', { itemId: item.id, decision: 'approve' }, mod)).toMatchObject({
      ok: true,
      value: { status: 'approved', decidedBy: 'moderator:ana' },
    });
    expect(await dispatch('moderation.decide', { itemId: item.id, decision: 'reject' }, mod)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const shown = await viewer.next('message');
    expect(await dispatch('chat.pin', { messageId: shown.message.id }, owner)).toMatchObject({
      ok: true,
      value: { pinned: { id: shown.message.id } },
    });
    await viewer.next('pinned');
    const history = await dispatch('chat.history', {}, mod);
    expect(history).toMatchObject({
      ok: true,
      value: { streamId: server.streamId, messages: [{ id: shown.message.id }], pinned: { id: shown.message.id } },
    });
    expect(await dispatch('chat.ban', { identity: 'v1', scope: 'always' }, mod)).toMatchObject({ ok: true });
    expect(await dispatch('chat.bans', {}, mod)).toMatchObject({ ok: true, value: { bans: [{ identity: 'v1', streamId: null }] } });
    expect(await dispatch('chat.unban', { identity: 'v1' }, mod)).toMatchObject({ ok: true, value: { lifted: 1 } });
    expect(await dispatch('chat.unban', { identity: 'v1' }, mod)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = await dispatch('moderation.audit', { limit: 10 }, owner);
    expect(valueOf(audit).entries.map((e) => e.action)).toEqual(['unban', 'ban', 'pin', 'approve']);
    expect(await dispatch('chat.delete', { messageId: 'nope' }, mod)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('rules.update applies at once: slow mode is announced and enforced, and the change is audited', async () => {
    const { dispatch, viewer } = await setup();
    const changed = new Promise((resolve) => server.bus.onAny((event, payload) => event === 'rules.changed' && resolve(payload)));
    const updated = await dispatch('rules.update', { slowModeSeconds: 30, blockedTerms: { words: ['darn'] } }, owner);
    expect(updated).toMatchObject({
      ok: true,
      value: { slowModeSeconds: 30, blockedTerms: { words: ['darn'], action: 'hold' }, links: 'hold' },
    });
    expect(await changed).toMatchObject({ slowModeSeconds: 30 });
    expect(await viewer.next('notice')).toMatchObject({ kind: 'slow_mode', seconds: 30 });
    expect(await viewer.request({ type: 'send', text: 'first' })).toMatchObject({ type: 'ack', status: 'visible' });
    expect(await viewer.request({ type: 'send', text: 'second' })).toMatchObject({ type: 'error', code: 'slow_mode' });
    expect(await dispatch('rules.get', {}, mod)).toMatchObject({ ok: true, value: { slowModeSeconds: 30 } });
    expect(await dispatch('rules.update', { blockedTerms: { patterns: ['('] } }, owner)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const audit = await dispatch('moderation.audit', {}, owner);
    expect(valueOf(audit).entries[0]).toMatchObject({
      action: 'rules_update',
      actor: 'host',
    });
  });

  it('rules.update refuses a pattern RE2 cannot run, stores nothing, and a linear pattern still works', async () => {
    const { dispatch, viewer } = await setup();
    const auditBefore = await dispatch('moderation.audit', {}, owner);
    const refused = await dispatch('rules.update', { blockedTerms: { patterns: ['free(?=bucks)'] } }, owner);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('Blocked pattern "free(?=bucks)" cannot be used') },
    });
    expect(await dispatch('rules.get', {}, owner)).toMatchObject({ ok: true, value: { blockedTerms: { patterns: [] } } });
    expect(await dispatch('moderation.audit', {}, owner)).toEqual(auditBefore);

    // The catastrophic pattern is accepted and runs in linear time: chat keeps flowing.
    expect(await dispatch('rules.update', { blockedTerms: { patterns: ['(a+)+$'], action: 'block' } }, owner)).toMatchObject({ ok: true });
    expect(await viewer.request({ type: 'send', text: `${'a'.repeat(400)}b` })).toMatchObject({ type: 'ack', status: 'visible' });
    expect(await viewer.request({ type: 'send', text: `x${'a'.repeat(400)}` })).toMatchObject({ type: 'error', code: 'blocked' });
  });
});
