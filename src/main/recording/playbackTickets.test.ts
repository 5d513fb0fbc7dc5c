import { describe, expect, it } from 'vitest';
import { PlaybackTickets } from './playbackTickets';

const MINUTE_MS = 60_000;

describe('PlaybackTickets', () => {
  it('admits a ticket for its own recording until it expires', () => {
    let now = 0;
    const tickets = new PlaybackTickets(() => now);
    const { ticket, expiresAt } = tickets.issue('rec_1');
    expect(tickets.admits('rec_1', ticket)).toBe(true);
    expect(tickets.admits('rec_2', ticket)).toBe(false);
    expect(tickets.admits('rec_1', 'made-up')).toBe(false);
    now = expiresAt - 1;
    expect(tickets.admits('rec_1', ticket)).toBe(true);
    now = expiresAt;
    expect(tickets.admits('rec_1', ticket)).toBe(false);
    expect(expiresAt).toBe(10 * MINUTE_MS);
  });
});
