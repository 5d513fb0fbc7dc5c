import type { ChatRole } from './chat';

/**
 * The one role hierarchy: owner > moderator > guest > viewer. Every action one participant takes
 * on another (ban, time out, kick, mute) asks `mayActOn` with the caller's proven role and the
 * target's role as the server resolves it, never as a request claims it.
 */
export type Role = 'owner' | 'moderator' | 'guest' | 'viewer';

const RANK: Record<Role, number> = { owner: 3, moderator: 2, guest: 1, viewer: 0 };

/** The host's identity in the room and in chat. */
export const HOST_IDENTITY = 'host';
/** Moderators appear in chat and in the audit log as `moderator:<label>`. */
export const MODERATOR_IDENTITY_PREFIX = 'moderator:';

/**
 * Strictly higher rank only: a moderator acts on guests and viewers, never on the host or another
 * moderator; the owner acts on everyone else, and nobody (the owner included) acts on the host.
 */
export function mayActOn(actor: Role, target: Role): boolean {
  return RANK[actor] > RANK[target];
}

/** Chat calls the owner "host"; everything else is named alike. */
export function roleOfChatRole(role: ChatRole): Role {
  return role === 'host' ? 'owner' : role;
}

/** A sentence for a refusal `mayActOn` gave, fit to show the caller. */
export function refusalMessage(actor: Role, target: Role): string {
  if (target === 'owner') return 'Nobody can do that to the host';
  if (target === 'moderator' && actor === 'moderator') return 'A moderator cannot do that to another moderator';
  return `A ${actor} cannot do that to a ${target}`;
}

/**
 * What a participant is in the LiveKit room, as the token main minted for them says in its
 * ROLE_ATTRIBUTE: chat, the webhook and the pages read it to tell the host, guests and viewers apart.
 */
export const PARTICIPANT_ROLES = ['host', 'viewer', 'waiting_guest', 'stage_guest', 'moderator'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The token attribute that carries a participant's role. */
export const ROLE_ATTRIBUTE = 'airdeck.role';
export const HOST_ROLE = 'host' satisfies ParticipantRole;
export const VIEWER_ROLE = 'viewer' satisfies ParticipantRole;
/** Guests hold one of these: waiting for the host's answer, or on stage. */
export const GUEST_PARTICIPANT_ROLES: readonly ParticipantRole[] = ['waiting_guest', 'stage_guest'];

/** A room role as chat and history count it: waiting and stage guests are both guests. */
const STREAM_ROLE: Record<ParticipantRole, ChatRole> = {
  host: 'host',
  viewer: 'viewer',
  waiting_guest: 'guest',
  stage_guest: 'guest',
  moderator: 'moderator',
};

export function streamRoleOf(role: ParticipantRole): ChatRole {
  return STREAM_ROLE[role];
}

/** The role a participant's token attribute names, or null when it names none of ours. */
export function participantRoleOf(value: string | undefined): ParticipantRole | null {
  return (PARTICIPANT_ROLES as readonly string[]).includes(value ?? '') ? (value as ParticipantRole) : null;
}

/** Who is acting: the audit-log name and the role their session or token proved. */
export interface Actor {
  actor: string;
  role: Role;
}
