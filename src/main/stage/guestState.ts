import type { GuestState } from '../../shared/domain/stage';
import type { Database } from '../db/openDatabase';
import type { GuestSessionRecord } from '../db/stage/guestSessions';
import { isInviteRevoked } from '../db/stage/invites';
import { latestStageRequest } from '../db/moderation/moderationItems';
import { findRosterGuest } from '../db/stage/stageRoster';

/** What a barred guest reads when no stream-specific notice was recorded for them. */
export const REVOKED_INVITE_NOTICE = 'The invite you used was revoked.';

/**
 * Whether a guest is barred for good: kicked in any stream (removal is never undone), or the
 * invite they came through was revoked, even while no stream was live to mark them in.
 */
export function isGuestBarred(db: Database, guest: GuestSessionRecord): boolean {
  return guest.removedAt !== null || isInviteRevoked(db, guest.inviteId);
}

/**
 * The one definition of a guest's state, used by the session route, the stage-request route and
 * the page push channel alike. Every input is a keyed read (the guest row, their invite, their
 * roster row, their latest stage request), so it costs the same with five queue items or fifty
 * thousand, and it is re-checked on every request rather than remembered.
 */
export function resolveGuestState(db: Database, liveStreamId: string | null, guest: GuestSessionRecord): GuestState {
  // Before anything else: a barred guest gets no token and no request in this or any later stream.
  if (isGuestBarred(db, guest)) return 'removed';
  if (liveStreamId === null) return 'waiting_for_stream';
  const onRoster = findRosterGuest(db, liveStreamId, guest.identity);
  if (onRoster) return onRoster.state;
  // Only the newest request counts: a request withdrawn, or approved and then left, means the
  // guest is back in the audience; a rejected one stays rejected (a rejected guest cannot ask again).
  const latest = latestStageRequest(db, liveStreamId, guest.identity);
  if (latest?.status === 'pending') return 'requested';
  if (latest?.status === 'rejected') return 'rejected';
  return 'joined';
}
