import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS } from '../../src/main/server/sessions';
import { FakeRooms } from '../support/fakeRooms';
import { redeemLink, upgradeStatus } from '../support/sessionLinks';
import { FrameClient } from '../support/frameClient';
import { startTestApp, type TestApp } from '../support/testApp';
import { valueOf } from '../support/contractCall';

let t: TestApp;
afterEach(async () => t?.close());

/** A served studio page, so a cookie that holds gets the page (200) and not a refusal. */
async function withStudioPage(): Promise<TestApp> {
  const app = await startTestApp({ rooms: new FakeRooms() });
  await app.close();
  const rendererDir = join(app.dataDir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Airdeck studio</title>');
  return startTestApp({ rooms: new FakeRooms(), rendererDir });
}

const studioWithCookie = (token: string) => fetch(`${t.baseUrl}/`, { headers: { Cookie: `airdeck_session=${token}` }, redirect: 'manual' });

describe('one-time studio links', () => {
  it("the owner's printed link is exchanged once for a cookie session, then refused with a page that says so", async () => {
    t = await withStudioPage();
    const link = `${t.baseUrl}/?session=${t.app.ownerLink}`;
    // The link itself opens no socket: only the session it is exchanged for does.
    expect(await upgradeStatus(t.wsUrl('/control', { session: t.app.ownerLink }))).toBe(401);

    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/u);
    expect(cookie).toContain(`Max-Age=${SESSION_ABSOLUTE_MS / 1000}`);
    const token = /airdeck_session=([^;]+)/u.exec(cookie)![1]!;
    expect(token).not.toBe(t.app.ownerLink);

    expect((await studioWithCookie(token)).status).toBe(200);
    const owner = await FrameClient.open(t.wsUrl('/control', { session: token }));
    expect((await owner.call('settings.get')).ok).toBe(true);
    owner.close();

    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('Studio links work once');
    expect(await upgradeStatus(t.wsUrl('/control', { session: t.app.ownerLink }))).toBe(401);
  });

  it('a HEAD request does not spend a link', async () => {
    t = await startTestApp({ rooms: new FakeRooms() });
    const link = `${t.baseUrl}/?session=${t.app.ownerLink}`;
    expect((await fetch(link, { method: 'HEAD', redirect: 'manual' })).status).toBe(405);
    expect(await redeemLink(link)).toMatch(/^[\w-]{43}$/u);
  });

  it('a moderator link works once; the session it opened stays listed and revocable under the same id', async () => {
    t = await withStudioPage();
    const owner = await FrameClient.open(t.wsUrl('/control', { session: t.app.ownerToken }));
    const created = valueOf(await owner.call('moderation.createModeratorLink', { label: 'Sam' }));
    const linkToken = new URL(created.url).searchParams.get('session')!;
    expect(await upgradeStatus(t.wsUrl('/control', { session: linkToken }))).toBe(401);
    const before = valueOf(await owner.call('moderators.list')).sessions;

    const token = await redeemLink(created.url);
    await expect(redeemLink(created.url)).rejects.toThrow('HTTP 401');
    expect((await studioWithCookie(token)).status).toBe(200);
    const moderator = await FrameClient.open(t.wsUrl('/control', { session: token }));
    const closed = new Promise<void>((resolve) => moderator.socket.once('close', () => resolve()));
    const after = valueOf(await owner.call('moderators.list')).sessions;
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));

    expect(await owner.call('moderators.revoke', { sessionId: after[0]!.id })).toMatchObject({ ok: true });
    await closed;
    expect((await studioWithCookie(token)).status).toBe(401);
    owner.close();
  });
});
