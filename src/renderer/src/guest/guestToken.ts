/**
 * The guest token of this tab, per invite code. sessionStorage survives a reload (an invite may
 * be single-use, so a reload must resume, not redeem again) and is gone with the tab.
 */
const keyFor = (code: string): string => `airdeck.guest.${code}`;

/** The stored guest token for this invite, or null. */
export function loadGuestToken(code: string): string | null {
  try {
    return sessionStorage.getItem(keyFor(code));
  } catch {
    return null; // storage disabled: a reload starts over
  }
}

/** Remembers the guest token for this invite in this tab. */
export function saveGuestToken(code: string, token: string): void {
  try {
    sessionStorage.setItem(keyFor(code), token);
  } catch {
    // storage disabled; see loadGuestToken
  }
}

/** Forgets the token (the server no longer knows it). */
export function clearGuestToken(code: string): void {
  try {
    sessionStorage.removeItem(keyFor(code));
  } catch {
    // storage disabled; nothing stored
  }
}
