import type { GuestState } from '../../shared/domain/stage';
import type { Database } from '../db/openDatabase';
import type { GuestSessionRecord } from '../history/guestSessions';
import { latestStageRequest } from '../history/moderationItems';
import { findRosterGuest } from '../history/stageRoster';

/**
 * The one definition of a guest's state, used by the session route and the page push channel
 * alike. Every input is a keyed read (the guest row, their roster row, their latest stage
 * request), so it costs the same with five queue items or fifty thousand.
 */
export function resolveGuestState(db: Database, liveStreamId: string | null, guest: GuestSessionRecord): GuestState {
  if (liveStreamId === null) return 'waiting_for_stream';
  if (guest.removedFrom === liveStreamId) return 'removed';
  const onRoster = findRosterGuest(db, liveStreamId, guest.identity);
  if (onRoster) return onRoster.state;
  // Only the newest request counts: a request withdrawn, or approved and then left, means the
  // guest is back in the audience; a rejected one stays rejected (a rejected guest cannot ask again).
  const latest = latestStageRequest(db, liveStreamId, guest.identity);
  if (latest?.status === 'pending') return 'requested';
  if (latest?.status === 'rejected') return 'rejected';
  return 'joined';
}
