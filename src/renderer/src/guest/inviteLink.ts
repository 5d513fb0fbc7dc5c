import { InviteCodeSchema } from '../../../shared/contract/httpRoutes';

/**
 * The invite code of a guest link: the last path segment of `/join/<code>`. A trailing slash or
 * a query string does not matter; anything that is not shaped like a code gives null, so the
 * page shows the "not valid" refusal without asking the server about garbage.
 */
export function inviteCodeFromPath(pathname: string): string | null {
  const segments = pathname.split('/').filter((segment) => segment.length > 0);
  const last = segments.at(-1);
  if (!last) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    return null; // a malformed escape is no invite code; the page says the link is not valid
  }
  return InviteCodeSchema.safeParse(decoded).success ? decoded : null;
}
