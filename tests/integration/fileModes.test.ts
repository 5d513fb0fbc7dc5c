import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../src/main/settings/secretStore';
import { TICKET_KEY_FILE } from '../../src/main/tokens/viewerTickets';
import { startTestApp, type TestApp } from '../support/testApp';

const mode = (path: string) => statSync(path).mode & 0o777;

let root: string;
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('data directory file modes', () => {
  it('creates the data directory 0700 and the database, its WAL files, the ticket key and the secret 0600', async () => {
    root = mkdtempSync(join(tmpdir(), 'airdeck-modes-'));
    const dataDir = join(root, 'nested', 'data');
    const secretFile = join(dataDir, 'livekit-api-secret');
    t = await startTestApp({ dataDir, secretStore: new FileSecretStore(secretFile, undefined) });
    await t.app.dispatch('settings.update', { livekit: { apiSecret: 'a-secret-worth-keeping' } }, { role: 'owner', actor: 'host' });
    expect(mode(dataDir)).toBe(0o700);
    const db = join(dataDir, 'airdeck.sqlite');
    expect(existsSync(`${db}-wal`)).toBe(true);
    for (const file of [db, `${db}-wal`, `${db}-shm`, join(dataDir, TICKET_KEY_FILE), secretFile])
      expect([file, mode(file)]).toEqual([file, 0o600]);
  });

  it('tightens a data directory and files an older build left readable by others', async () => {
    root = mkdtempSync(join(tmpdir(), 'airdeck-modes-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    t = await startTestApp({ dataDir });
    await t.close();
    t = undefined;
    const db = join(dataDir, 'airdeck.sqlite');
    const loose = [db, `${db}-wal`, `${db}-shm`, join(dataDir, TICKET_KEY_FILE)].filter((file) => existsSync(file));
    expect(loose).toContain(db);
    for (const file of loose) chmodSync(file, 0o644);
    chmodSync(dataDir, 0o755);

    t = await startTestApp({ dataDir });
    expect(mode(dataDir)).toBe(0o700);
    for (const file of [db, `${db}-wal`, `${db}-shm`, join(dataDir, TICKET_KEY_FILE)]) expect([file, mode(file)]).toEqual([file, 0o600]);
  });
});
