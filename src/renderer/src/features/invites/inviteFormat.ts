import type { Invite } from '../../../../shared/domain/stage';

/** Expiry choices offered in the form, in minutes; one hour is the default. */
export const EXPIRY_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 4 * 60, label: '4 hours' },
  { minutes: 24 * 60, label: '1 day' },
  { minutes: 7 * 24 * 60, label: '7 days' },
];

const STATUS_TEXT: Record<Invite['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  used_up: 'Used up',
  revoked: 'Revoked',
};

export function statusText(invite: Invite): string {
  return STATUS_TEXT[invite.status];
}

/** A name for an invite in lists and button labels: its label, or when it was made. */
export function inviteName(invite: Invite): string {
  if (invite.label) return invite.label;
  const made = new Date(invite.createdAt);
  return `made ${made.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** "in 59 min", "in 3 h", "2 h ago" — the expiry relative to `now`. */
export function expiryText(expiresAt: number, now: number): string {
  const minutes = Math.round((expiresAt - now) / 60_000);
  const span = (m: number) =>
    Math.abs(m) < 60
      ? `${Math.abs(m)} min`
      : Math.abs(m) < 48 * 60
        ? `${Math.round(Math.abs(m) / 60)} h`
        : `${Math.round(Math.abs(m) / 1440)} days`;
  if (minutes === 0) return expiresAt >= now ? 'in under a minute' : 'just now';
  return minutes > 0 ? `in ${span(minutes)}` : `${span(minutes)} ago`;
}
