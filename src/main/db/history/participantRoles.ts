import { HOST_IDENTITY, MODERATOR_IDENTITY_PREFIX, type Role } from '../../../shared/domain/roles';
import type { Database } from '../openDatabase';

/**
 * The role of a target identity, from what the server itself issued: the host's fixed identity,
 * moderator console identities, guests who redeemed an invite or sit on a stage roster. Anyone
 * else is a viewer. A request body never decides this.
 */
export function roleOfIdentity(db: Database, identity: string): Role {
  if (identity === HOST_IDENTITY) return 'owner';
  if (identity.startsWith(MODERATOR_IDENTITY_PREFIX)) return 'moderator';
  const guest =
    db.prepare('SELECT 1 FROM guest_sessions WHERE identity = ?').get(identity) ??
    db.prepare('SELECT 1 FROM stage_roster WHERE identity = ? LIMIT 1').get(identity);
  return guest === undefined ? 'viewer' : 'guest';
}
