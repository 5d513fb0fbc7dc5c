import type { ModeratorSession } from '../../../../shared/contract/moderatorsApi';

/** What granted a moderator session, in words for the owner's list. */
export function grantLabel(session: ModeratorSession): string {
  switch (session.grant.kind) {
    case 'link':
      return 'Moderator link';
    case 'invite':
      return `Invite “${session.grant.label}”`;
    case 'promotion':
      return 'Promoted from guest';
  }
}

/** "until 14:05" today, "until Tue 14:05" later: when the access ends by itself. */
export function expiryLabel(expiresAt: number, now: number): string {
  const end = new Date(expiresAt);
  const time = end.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === end.toDateString();
  return sameDay ? `until ${time}` : `until ${end.toLocaleDateString(undefined, { weekday: 'short' })} ${time}`;
}
