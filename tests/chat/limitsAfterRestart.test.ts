import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mintChatToken, startChatServer, TestClient, type TestChatServer } from '../support/chat/server';

describe('chat limits across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airdeck-chat-limits-'));
  const servers: TestChatServer[] = [];
  afterEach(async () => {
    // A server a test already closed (the restart) may fail to close again; nothing is left to clean.
    for (const server of servers.splice(0)) await server.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  async function speak(server: TestChatServer, identity: string, text: string) {
    const client = await TestClient.join(server.url({ token: await mintChatToken(server.roomName, identity) }));
    const answer = await client.request({ type: 'send', text });
    client.close();
    return answer;
  }

  it('a chatter in slow mode is still held after the chat service restarts on the same database', async () => {
    const dbFile = join(dir, 'airdeck.sqlite');
    const first = await startChatServer({ dbFile, rules: { slowModeSeconds: 600 } });
    servers.push(first);
    expect(await speak(first, 'eager', 'first')).toMatchObject({ type: 'ack' });
    await first.close();
    servers.pop();

    const second = await startChatServer({ dbFile, rules: { slowModeSeconds: 600 } });
    servers.push(second);
    expect(await speak(second, 'eager', 'second')).toMatchObject({ type: 'error', code: 'slow_mode' });
    // Someone who had not spoken is not held by another chatter's history.
    expect(await speak(second, 'patient', 'hello')).toMatchObject({ type: 'ack' });
  });

  it('the rate limit counts sends from before the restart', async () => {
    const dbFile = join(dir, 'rate.sqlite');
    const rules = { slowModeSeconds: 0, rateLimit: { messages: 2, perSeconds: 600 } };
    const first = await startChatServer({ dbFile, rules });
    servers.push(first);
    expect(await speak(first, 'burst', 'one')).toMatchObject({ type: 'ack' });
    expect(await speak(first, 'burst', 'two')).toMatchObject({ type: 'ack' });
    await first.close();
    servers.pop();

    const second = await startChatServer({ dbFile, rules });
    servers.push(second);
    expect(await speak(second, 'burst', 'three')).toMatchObject({ type: 'error', code: 'rate_limited' });
  });
});
