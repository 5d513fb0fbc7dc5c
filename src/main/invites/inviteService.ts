import { randomBytes } from 'node:crypto';
import { GUEST_PAGE_PREFIX, type GuestCheckResponse, type GuestRedeemResponse } from '../../shared/contract/httpRoutes';
import type { CreatedInvite, Invite, InviteRole } from '../../shared/domain/stage';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { consumeInvite, findInviteByHash, getInvite, insertInvite, listInvites, revokeInvite } from '../db/stage/invites';
import type { ModeratorAccess } from '../moderation/moderatorAccess';
import { hashCode, newInviteCode } from './inviteCodes';

export interface InviteServiceDeps {
  db: Database;
  bus: EventBus;
  /** Co-moderator invites open moderator sessions here, and revoking the invite ends them. */
  moderators: ModeratorAccess;
  publicUrl: () => string;
  /** Title of the live stream, shown on the guest page before the guest commits. */
  liveTitle: () => string | null;
  /** Creates the guest session for a redeemed guest invite. */
  createGuest: (inviteId: string, name: string) => { guestToken: string; identity: string; name: string };
  /** Removes everyone who came in through a revoked invite. */
  removeGuestsOfInvite: (inviteId: string) => Promise<void>;
  now?: () => number;
}

const MINUTE_MS = 60_000;
/** Time a viewer has from raising a hand to finishing the device check. */
const RAISED_HAND_TTL_MS = 15 * MINUTE_MS;

/**
 * Invite links for guests and co-moderators: random codes stored hashed, with an expiry and a
 * use count, revocable at any time. Checking a code never uses it; redeeming does, atomically.
 */
export class InviteService {
  private readonly now: () => number;

  constructor(private readonly deps: InviteServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  create(params: { role: InviteRole; label: string; expiresInMinutes: number; maxUses: number }): CreatedInvite {
    const code = newInviteCode();
    const createdAt = this.now();
    const invite = insertInvite(
      this.deps.db,
      {
        id: `inv_${randomBytes(9).toString('base64url')}`,
        codeHash: hashCode(code),
        role: params.role,
        label: params.label,
        createdAt,
        expiresAt: createdAt + params.expiresInMinutes * MINUTE_MS,
        maxUses: params.maxUses,
      },
      createdAt,
    );
    this.changed();
    return { invite, link: `${this.deps.publicUrl()}${GUEST_PAGE_PREFIX}${code}` };
  }

  /**
   * A viewer's raised hand: a single-use guest invite for them alone, short-lived, labelled with
   * their name. It is not listed with the host's invites; the host sees the request in the queue.
   */
  createForRaisedHand(name: string): { link: string } {
    const code = newInviteCode();
    const createdAt = this.now();
    insertInvite(
      this.deps.db,
      {
        id: `inv_${randomBytes(9).toString('base64url')}`,
        codeHash: hashCode(code),
        role: 'guest',
        label: name,
        createdAt,
        expiresAt: createdAt + RAISED_HAND_TTL_MS,
        maxUses: 1,
        source: 'hand',
      },
      createdAt,
    );
    return { link: `${this.deps.publicUrl()}${GUEST_PAGE_PREFIX}${code}` };
  }

  list(): Invite[] {
    return listInvites(this.deps.db, this.now());
  }

  async revoke(id: string, by = 'host'): Promise<Invite> {
    const now = this.now();
    if (!getInvite(this.deps.db, id, now)) throw new AppFailure('not_found', 'No invite with that id');
    revokeInvite(this.deps.db, id, now);
    this.deps.moderators.revokeFromInvite(id, by);
    await this.deps.removeGuestsOfInvite(id);
    this.changed();
    return getInvite(this.deps.db, id, now)!;
  }

  check(code: string): GuestCheckResponse {
    const invite = findInviteByHash(this.deps.db, hashCode(code), this.now());
    const refusal = refusalOf(invite);
    if (refusal) return { status: 'refused', reason: refusal };
    return {
      status: 'valid',
      role: invite!.role,
      label: invite!.label,
      title: this.deps.liveTitle(),
      raisedHand: invite!.source === 'hand',
    };
  }

  redeem(code: string, name: string): GuestRedeemResponse {
    const now = this.now();
    const invite = findInviteByHash(this.deps.db, hashCode(code), now);
    const refusal = refusalOf(invite);
    if (refusal) return { status: 'refused', reason: refusal };
    // Two browsers racing for a single-use link: only one UPDATE succeeds.
    if (!consumeInvite(this.deps.db, invite!.id, now)) return { status: 'refused', reason: 'used' };
    this.changed();
    if (invite!.role === 'moderator') {
      // The session lasts no longer than the invite did, and remembers it so revoking it ends the session.
      const { token } = this.deps.moderators.grant({
        name,
        grant: { kind: 'invite', inviteId: invite!.id, label: invite!.label },
        expiresAt: invite!.expiresAt,
        by: `moderator:${name}`,
        action: 'moderator_invite',
      });
      return { status: 'accepted', role: 'moderator', consoleUrl: `${this.deps.publicUrl()}/?session=${token}` };
    }
    return { status: 'accepted', role: 'guest', ...this.deps.createGuest(invite!.id, name) };
  }

  private changed(): void {
    this.deps.bus.emit('invites.changed', this.list());
  }
}

function refusalOf(invite: Invite | undefined): 'unknown' | 'expired' | 'used' | 'revoked' | null {
  if (!invite) return 'unknown';
  switch (invite.status) {
    case 'active':
      return null;
    case 'revoked':
      return 'revoked';
    case 'used_up':
      return 'used';
    case 'expired':
      return 'expired';
  }
}
