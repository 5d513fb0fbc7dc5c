import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TICKET_KEY_FILE, TICKET_TTL_MS, ViewerTickets } from './viewerTickets';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'airdeck-tickets-'));
  dirs.push(dir);
  return dir;
}

describe('ViewerTickets', () => {
  it('proves the identity it was issued for until it expires', () => {
    let now = 1_000_000;
    const tickets = new ViewerTickets(Buffer.alloc(32, 7), () => now);
    const ticket = tickets.issue('viewer-abcdefgh12');
    expect(tickets.verify(ticket)).toBe('viewer-abcdefgh12');
    now += TICKET_TTL_MS - 1;
    expect(tickets.verify(ticket)).toBe('viewer-abcdefgh12');
    now += 1;
    expect(tickets.verify(ticket)).toBeNull();
  });

  it('refuses tickets signed with another key, and malformed ones', () => {
    const mine = new ViewerTickets(Buffer.alloc(32, 1));
    const theirs = new ViewerTickets(Buffer.alloc(32, 2));
    expect(mine.verify(theirs.issue('viewer-abcdefgh12'))).toBeNull();
    for (const bad of [
      undefined,
      '',
      'viewer-abcdefgh12',
      'a.b.c',
      'host.99999999999999.x',
      `viewer-abcdefgh12.${Date.now() + 1000}.`,
      'x'.repeat(256),
    ]) {
      expect(mine.verify(bad)).toBeNull();
    }
  });

  it('keeps one key per data directory, readable only by its owner', () => {
    const dir = dataDir();
    const ticket = ViewerTickets.forDataDir(dir).issue('viewer-abcdefgh12');
    expect(statSync(join(dir, TICKET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(ViewerTickets.forDataDir(dir).verify(ticket)).toBe('viewer-abcdefgh12');
    expect(ViewerTickets.forDataDir(dataDir()).verify(ticket)).toBeNull();
  });

  it('tightens a loosened key file and replaces a truncated one', () => {
    const dir = dataDir();
    const file = join(dir, TICKET_KEY_FILE);
    writeFileSync(file, Buffer.alloc(32, 9), { mode: 0o644 });
    const ticket = ViewerTickets.forDataDir(dir).issue('viewer-abcdefgh12');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new ViewerTickets(Buffer.alloc(32, 9)).verify(ticket)).toBe('viewer-abcdefgh12');
    writeFileSync(file, 'short');
    expect(ViewerTickets.forDataDir(dir).verify(ticket)).toBeNull();
    expect(statSync(file).size).toBe(32);
  });
});
