import type { InviteRefusal } from '../../../shared/contract/httpRoutes';

/** What the refusal page says for each reason the server gives. */
export interface RefusalCopy {
  title: string;
  body: string;
}

/**
 * Plain words for why an invite cannot be used. Every reason ends in the same advice: only the
 * host can issue a new link, so the page offers nothing else to click.
 */
export function refusalCopy(reason: InviteRefusal): RefusalCopy {
  switch (reason) {
    case 'expired':
      return { title: 'This invite has expired', body: 'Invite links only work for a limited time. Ask the host for a new link.' };
    case 'used':
      return {
        title: 'This invite has already been used',
        body: 'Each invite link works a set number of times. Ask the host for a new link.',
      };
    case 'revoked':
      return {
        title: 'This invite is no longer valid',
        body: 'The host has withdrawn this invite. If you think that is a mistake, ask the host for a new link.',
      };
    case 'unknown':
      return { title: 'This invite link is not valid', body: 'Check that you copied the whole link, or ask the host to send it again.' };
  }
}
