import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/openDatabase';
import { getChatMessage } from '../../src/main/db/chat/chatMessages';
import { mintChatToken, TestClient } from '../support/chat/server';

const ENTRY = fileURLToPath(new URL('../support/chat/chatServerEntry.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function startChild(dbFile: string): Promise<{ child: ChildProcess; port: number; room: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, dbFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\d+) (\S+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]), room: match[2]! });
    });
    child.on('exit', (code) => reject(new Error(`chat server exited early (${code})`)));
  });
}

describe('kill -9 during a message flood', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airdeck-chat-crash-'));
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  // Two child processes start (and compile) here; on a busy machine that alone takes seconds.
  it('keeps every acknowledged message, with its seq, after a restart', { timeout: 90_000 }, async () => {
    const dbFile = join(dir, 'airdeck.sqlite');
    const first = await startChild(dbFile);
    children.push(first.child);
    const url = async (identity: string, since?: number) =>
      `ws://127.0.0.1:${first.port}/chat?token=${await mintChatToken(first.room, identity)}${since === undefined ? '' : `&since=${since}`}`;

    const acked = new Map<string, number>();
    const exited = new Promise<void>((resolve) => first.child.on('exit', () => resolve()));
    let killed = false;
    const senders = await Promise.all([0, 1, 2, 3].map(async (n) => TestClient.join(await url(`flood-${n}`))));
    let counter = 0;
    // Each sender keeps 16 messages in flight and sends another on every ack, until the kill.
    await new Promise<void>((resolve) => {
      for (const client of senders) {
        const pump = () => {
          if (killed || client.ws.readyState !== client.ws.OPEN) return;
          counter += 1;
          client.ws.send(JSON.stringify({ type: 'send', text: `flood message ${counter}` }));
        };
        client.ws.on('message', (data: Buffer) => {
          const parsed = JSON.parse(data.toString()) as { type: string; id?: string; seq?: number } | unknown[];
          if (Array.isArray(parsed) || parsed.type !== 'ack') return;
          acked.set(parsed.id!, parsed.seq!);
          if (acked.size >= 400 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
            resolve();
            return;
          }
          pump();
        });
        for (let i = 0; i < 16; i += 1) pump();
      }
    });
    await exited;
    for (const client of senders) client.ws.terminate();
    expect(acked.size).toBeGreaterThanOrEqual(400);

    const second = await startChild(dbFile);
    children.push(second.child);
    const reader = await TestClient.join(`ws://127.0.0.1:${second.port}/chat?token=${await mintChatToken(second.room, 'reader')}&since=0`);
    const welcome = reader.of('welcome')[0]!;
    expect(welcome.truncated).toBe(false);
    const replayed = new Map(welcome.messages.map((m) => [m.id, m.seq]));
    const missing = [...acked].filter(([id, seq]) => replayed.get(id) !== seq);
    expect(missing).toEqual([]);
    const seqs = welcome.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    // Numbering continues after the highest stored seq.
    const ack = await reader.request({ type: 'send', text: 'after the crash' });
    expect(ack).toMatchObject({ type: 'ack', seq: Math.max(...seqs) + 1 });
    reader.ws.terminate();

    const db = openDatabase(dbFile);
    try {
      for (const [id, seq] of acked) expect(getChatMessage(db, id)?.seq).toBe(seq);
    } finally {
      db.close();
    }
  });
});
