import { randomBytes } from 'node:crypto';

/** Long enough to watch a recording through; a copied playback link stops working after it. */
const TICKET_TTL_MS = 10 * 60_000;
/** Random bytes in a ticket: unguessable, since a ticket alone opens the file. */
const TICKET_BYTES = 24;

/**
 * Short-lived tickets that let the server play one recording file to whoever holds them, so the
 * playback address carries no session and still opens nothing else. Memory only.
 */
export class PlaybackTickets {
  private readonly tickets = new Map<string, { recordingId: string; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  issue(recordingId: string): { ticket: string; expiresAt: number } {
    const ticket = randomBytes(TICKET_BYTES).toString('base64url');
    const expiresAt = this.now() + TICKET_TTL_MS;
    this.prune();
    this.tickets.set(ticket, { recordingId, expiresAt });
    return { ticket, expiresAt };
  }

  /** Whether the ticket is current and for this recording. */
  admits(recordingId: string, ticket: string): boolean {
    const entry = this.tickets.get(ticket);
    return entry !== undefined && entry.recordingId === recordingId && entry.expiresAt > this.now();
  }

  private prune(): void {
    const now = this.now();
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(ticket);
  }
}
