/**
 * The viewer token route (/api/watch/token): waiting until something is live, subscribe-only
 * tokens, signed reconnect tickets that keep an identity (across a restart too), bad bodies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeRooms } from '../support/fakeRooms';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.close());

describe('viewer token route', () => {
  it('answers waiting when nothing is live, then a subscribe-only token', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const ask = async (body: unknown) =>
      (
        await fetch(`${t.baseUrl}/api/watch/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    expect(await ask({})).toEqual({ ok: true, value: { status: 'waiting' } });
    const session = await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const answer = (await ask({ name: 'Ana' })) as {
      ok: true;
      value: { status: string; token: string; identity: string; roomName: string };
    };
    expect(answer.value).toMatchObject({ status: 'live', roomName: session.roomName, title: 'Show' });
    const claims = JSON.parse(Buffer.from(answer.value.token.split('.')[1]!, 'base64url').toString());
    expect(claims.video).toMatchObject({ room: session.roomName, canPublish: false, canSubscribe: true, canPublishData: false });
    expect(answer.value.identity).toMatch(/^viewer-/);
    expect(await ask({ identity: 'host' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask({ extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('keeps an identity only for its signed reconnect ticket: a named, forged or tampered one gets a fresh identity', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    type Live = { status: 'live'; token: string; identity: string; reconnectTicket: string };
    const ask = async (body: unknown) => {
      const response = await fetch(`${t.baseUrl}/api/watch/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { value: Live }).value;
    };
    await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
    const victim = await ask({ name: 'Ana' });
    expect(victim.reconnectTicket.startsWith(`${victim.identity}.`)).toBe(true);
    const subjectOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;

    // The hostile client knows the victim's identity (it is shown in chat) but not their ticket.
    const [, expiry, mac] = victim.reconnectTicket.split('.') as [string, string, string];
    const attempts = [
      { identity: victim.identity },
      { reconnectTicket: `${victim.identity}.${expiry}.${'A'.repeat(mac.length)}` },
      { reconnectTicket: `${victim.identity}.${Number(expiry) + 1}.${mac}` },
      { reconnectTicket: `${victim.identity}.${Date.now() - 1}.${mac}` },
      { reconnectTicket: victim.identity },
      { reconnectTicket: 'not a ticket at all' },
    ];
    for (const body of attempts) {
      const answer = await ask(body);
      expect(answer.identity).toMatch(/^viewer-/);
      expect(answer.identity).not.toBe(victim.identity);
      expect(subjectOf(answer.token)).toBe(answer.identity);
    }
    // A ticket proves the identity it names, not another one.
    const attacker = await ask({});
    expect((await ask({ reconnectTicket: attacker.reconnectTicket.replace(attacker.identity, victim.identity) })).identity).not.toBe(
      victim.identity,
    );
    expect((await ask({ reconnectTicket: attacker.reconnectTicket })).identity).toBe(attacker.identity);

    // The honest viewer is unaffected: their own ticket keeps their identity, and the renewed one too.
    const again = await ask({ reconnectTicket: victim.reconnectTicket, name: 'Ana' });
    expect(again.identity).toBe(victim.identity);
    expect(subjectOf(again.token)).toBe(victim.identity);
    expect((await ask({ reconnectTicket: again.reconnectTicket })).identity).toBe(victim.identity);
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM participant_sessions').get()).toEqual({ n: 0 });
  });

  it('tickets survive a restart on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airdeck-ticket-'));
    try {
      t = await startTestApp({ rooms: new FakeRooms(), dataDir });
      await t.app.streams.start({ title: 'Show', mode: 'screen_guests' });
      const ask = async (body: unknown) =>
        (
          (await (
            await fetch(`${t.baseUrl}/api/watch/token`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).json()) as {
            value: { identity: string; reconnectTicket: string };
          }
        ).value;
      const first = await ask({});
      await t.close();
      t = await startTestApp({ rooms: new FakeRooms(), dataDir });
      await t.app.streams.start({ title: 'Show again', mode: 'screen_guests' });
      expect((await ask({ reconnectTicket: first.reconnectTicket })).identity).toBe(first.identity);
    } finally {
      await t.close();
      t = undefined as unknown as TestApp;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses malformed JSON and oversize bodies without crashing', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const post = (body: string) => fetch(`${t.baseUrl}/api/watch/token`, { method: 'POST', body });
    expect((await post('{oops')).status).toBe(400);
    expect((await post(JSON.stringify({ name: 'x'.repeat(10_000) }))).status).toBe(413);
    expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
  });
});
