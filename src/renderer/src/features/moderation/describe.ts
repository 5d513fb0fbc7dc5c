import type { AuditAction, ModerationItem, ModerationKind } from '../../../../shared/domain/chat';

/** Words for queue items and audit actions, shared by the panels and the screen-reader announcements. */

export const KIND_LABEL: Record<ModerationKind, string> = {
  held_message: 'Held message',
  report: 'Report',
  stage_request: 'Stage request',
};

function left(count: number): string {
  return count === 0 ? 'Queue is empty.' : `${count} in queue.`;
}

/** "Held message from Ana: link. 3 in queue." */
export function describeQueued(item: ModerationItem, count: number): string {
  const what = item.kind === 'report' ? `Report about ${item.subject.name}` : `${KIND_LABEL[item.kind]} from ${item.subject.name}`;
  return `${what}${item.reason ? `: ${reasonLabel(item.reason)}` : ''}. ${left(count)}`;
}

const RESOLVED_VERB: Record<ModerationKind, { approved: string; rejected: string }> = {
  held_message: { approved: 'Approved message from', rejected: 'Dropped message from' },
  report: { approved: 'Upheld report about', rejected: 'Dismissed report about' },
  stage_request: { approved: 'Let on stage:', rejected: 'Refused stage request from' },
};

/** "Approved message from Ana. 2 in queue." */
export function describeResolved(item: ModerationItem, count: number): string {
  if (item.status === 'withdrawn') return `${KIND_LABEL[item.kind]} from ${item.subject.name} was withdrawn. ${left(count)}`;
  const verbs = RESOLVED_VERB[item.kind];
  const verb = item.status === 'approved' ? verbs.approved : verbs.rejected;
  return `${verb} ${item.subject.name}. ${left(count)}`;
}

export const AUDIT_LABEL: Record<AuditAction, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  delete: 'Deleted message',
  timeout: 'Timed out',
  ban: 'Banned',
  unban: 'Lifted ban',
  pin: 'Pinned',
  unpin: 'Unpinned',
  highlight: 'Highlighted',
  clear_highlight: 'Cleared highlight',
  rules_update: 'Changed rules',
  moderator_link: 'Created moderator link',
  promote: 'Made a guest moderator',
  moderator_invite: 'Joined as moderator by invite',
  moderator_revoke: 'Revoked moderator access',
};

/** The rules' hold reasons (see the chat rules), as a moderator reads them. */
const REASON_LABEL: Record<string, string> = {
  too_long: 'Too long',
  blocked_term: 'Contains a blocked term',
  link: 'Contains a link',
  repeated_text: 'Repeated text',
  caps: 'Mostly capital letters',
  first_message: 'First message from a new chatter',
};

/** Why an item is in the queue, in words: rule ids become sentences, free text stays as written. */
export function reasonLabel(reason: string): string {
  return REASON_LABEL[reason] ?? reason;
}

/** "moderator:Ana" → "Ana (moderator)"; "host" → "Host". */
export function actorLabel(actor: string): string {
  const match = /^(moderator|host):(.+)$/u.exec(actor);
  if (match) return `${match[2]} (${match[1]})`;
  return actor === 'host' ? 'Host' : actor;
}
