/**
 * Drives stage guests from Node the way the guest page does (redeem → session → request) and
 * approves their requests as the host over the control socket, for the stage spec (the stage
 * benchmark drives the real guest page instead).
 */
import type { GuestSessionResponse } from '../../../src/shared/contract/httpRoutes';
import type { ModerationItem } from '../../../src/shared/domain/chat';
import type { FrameClient } from '../../support/frameClient';
import { valueOf } from '../contractCall';

/** One redeemed invite: the bearer the guest routes want, and the LiveKit identity. */
export interface StageGuest {
  name: string;
  identity: string;
  guestToken: string;
}

/** POSTs JSON to a guest route and unwraps the result envelope (throws on an error answer). */
export async function postGuestRoute<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${path}: ${envelope.error.code} — ${envelope.error.message}`);
  return envelope.value;
}

/** The invite code is the last path segment of `<public base>/join/<code>`. */
export function inviteCode(link: string): string {
  const code = new URL(link).pathname.split('/').pop();
  if (!code) throw new Error(`not an invite link: ${link}`);
  return code;
}

export async function redeemInvite(baseUrl: string, link: string, name: string): Promise<StageGuest> {
  const answer = await postGuestRoute<{ status: string; guestToken?: string; identity?: string }>(baseUrl, '/api/guest/redeem', {
    code: inviteCode(link),
    name,
  });
  if (answer.status !== 'accepted' || !answer.guestToken || !answer.identity)
    throw new Error(`invite not accepted: ${JSON.stringify(answer)}`);
  return { name, identity: answer.identity, guestToken: answer.guestToken };
}

export function guestSession(baseUrl: string, guest: StageGuest): Promise<GuestSessionResponse> {
  return postGuestRoute<GuestSessionResponse>(baseUrl, '/api/guest/session', { guestToken: guest.guestToken });
}

export async function requestStage(baseUrl: string, guest: StageGuest): Promise<void> {
  await postGuestRoute(baseUrl, '/api/guest/request', { guestToken: guest.guestToken, devices: { camera: true, microphone: true } });
}

/** Creates an invite as the host and redeems it as `name`. */
export async function inviteGuest(owner: FrameClient, baseUrl: string, name: string): Promise<StageGuest> {
  const created = valueOf(await owner.call('invites.create', { label: name }), 'invites.create');
  return redeemInvite(baseUrl, created.link, name);
}

/** The guest's pending stage request in the moderation queue, or undefined. */
export async function pendingRequest(owner: FrameClient, streamId: string, identity: string): Promise<ModerationItem | undefined> {
  const listed = valueOf(await owner.call('moderation.list', { streamId, kind: 'stage_request' }), 'moderation.list');
  return listed.items.find((item) => item.subject.identity === identity);
}

/** Approves a queue item as the host (the queue UI belongs to the moderation feature). */
export async function approve(owner: FrameClient, itemId: string): Promise<void> {
  valueOf(await owner.call('moderation.decide', { itemId, decision: 'approve' }), 'moderation.decide');
}

/** How long a stage change may take to show after a decision, and how often to look. */
const POLL_TIMEOUT_MS = 15_000;
const POLL_EVERY_MS = 100;

/** Polls `read` until `done` holds (the server changes state asynchronously after a decision). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = POLL_TIMEOUT_MS,
  everyMs = POLL_EVERY_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
