import { randomBytes } from 'node:crypto';
import type { GuestSessionResponse } from '../../shared/contract/httpRoutes';
import type { GuestState } from '../../shared/domain/stage';
import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import {
  findGuestByIdentity,
  findGuestByTokenHash,
  insertGuestSession,
  listGuestsOfInvite,
  type GuestSessionRecord,
} from '../db/stage/guestSessions';
import { getInvite } from '../db/stage/invites';
import { latestStageRequest } from '../db/moderation/moderationItems';
import { hashCode } from '../invites/inviteCodes';
import type { SettingsService } from '../settings/settingsService';
import type { LiveStreamService } from '../stream/liveStreamService';
import { mintToken } from '../tokens/livekitTokens';
import { REVOKED_INVITE_NOTICE, resolveGuestState } from './guestState';
import type { StageQueue } from './stageQueue';
import type { StageService } from './stageService';

/** A guest token is a bearer secret: long enough not to be guessed. */
const GUEST_TOKEN_BYTES = 32;
/** A guest identity is public, only unique. */
const GUEST_IDENTITY_BYTES = 8;

export interface GuestServiceDeps {
  db: Database;
  settings: SettingsService;
  streams: LiveStreamService;
  stage: StageService;
  queue: StageQueue;
  /** The LiveKit URL for a page that reached us under a Host (the rehearsal server on a LAN). */
  livekitUrlFor?: (requestHost: string | undefined) => string;
  now?: () => number;
}

/**
 * Guests between their invite and the stage. A guest holds an opaque bearer token (stored hashed);
 * each session read returns their state and a LiveKit token with exactly that state's grants.
 */
export class GuestService {
  private readonly now: () => number;

  constructor(private readonly deps: GuestServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Called when a guest invite is redeemed. */
  create(inviteId: string, name: string): { guestToken: string; identity: string; name: string } {
    const guestToken = randomBytes(GUEST_TOKEN_BYTES).toString('base64url');
    const identity = `guest-${randomBytes(GUEST_IDENTITY_BYTES).toString('base64url')}`;
    insertGuestSession(this.deps.db, { id: identity, tokenHash: hashCode(guestToken), inviteId, identity, name, createdAt: this.now() });
    return { guestToken, identity, name };
  }

  identitiesOfInvite(inviteId: string): string[] {
    return listGuestsOfInvite(this.deps.db, inviteId).map((guest) => guest.identity);
  }

  /** The guest's state and, in the room, a token; `requestHost` is the Host the page reached us under. */
  async session(guestToken: string, requestHost?: string): Promise<GuestSessionResponse> {
    const guest = this.authenticate(guestToken);
    const state = this.stateOf(guest);
    const live = this.deps.streams.liveStream();
    const inRoom = live !== null && state !== 'removed' && state !== 'waiting_for_stream';
    let livekit: GuestSessionResponse['livekit'] = null;
    if (inRoom) {
      const credentials = this.deps.settings.livekitCredentials();
      const canPublish = state === 'stage';
      const token = await mintToken(credentials, canPublish ? 'stage_guest' : 'waiting_guest', {
        room: live.stream.roomName,
        identity: guest.identity,
        name: guest.name,
      });
      livekit = { url: this.deps.livekitUrlFor?.(requestHost) ?? credentials.url, token, roomName: live.stream.roomName, canPublish };
    }
    return {
      state,
      identity: guest.identity,
      name: guest.name,
      livekit,
      title: live?.stream.title ?? null,
      notice:
        state === 'removed'
          ? (guest.notice ?? REVOKED_INVITE_NOTICE)
          : state === 'rejected'
            ? 'The host could not bring you on stage this time. Thanks for offering — you can keep watching.'
            : null,
    };
  }

  request(guestToken: string, devices: { camera: boolean; microphone: boolean }): GuestState {
    const guest = this.authenticate(guestToken);
    const state = this.stateOf(guest);
    if (state === 'requested' || state === 'backstage' || state === 'stage') return state;
    if (state === 'removed') throw new AppFailure('forbidden', guest.notice ?? REVOKED_INVITE_NOTICE);
    if (state !== 'joined')
      throw new AppFailure(
        'conflict',
        state === 'waiting_for_stream' ? 'The stream has not started yet.' : 'You cannot ask to join right now.',
      );
    const live = this.deps.streams.liveStream()!;
    const raisedHand = getInvite(this.deps.db, guest.inviteId, this.now())?.source === 'hand';
    const note = [
      raisedHand ? 'Raised a hand on the watch page' : null,
      devices.camera ? 'camera ready' : 'no camera',
      devices.microphone ? 'mic ready' : 'no mic',
    ]
      .filter((part) => part !== null)
      .join(', ');
    this.deps.queue.enqueueStageRequest(live.stream.id, { identity: guest.identity, name: guest.name }, note, { devices });
    return 'requested';
  }

  async withdraw(guestToken: string): Promise<GuestState> {
    const guest = this.authenticate(guestToken);
    const pending = this.pendingRequest(guest.identity);
    if (pending) this.deps.queue.withdraw(pending.id, guest.identity);
    await this.deps.stage.leave(guest.identity);
    return this.stateOf(guest);
  }

  /** The guest a bearer token belongs to; `unauthorized` for a token we never issued. */
  authenticate(guestToken: string): GuestSessionRecord {
    const guest = findGuestByTokenHash(this.deps.db, hashCode(guestToken));
    if (!guest) throw new AppFailure('unauthorized', 'This guest session is not valid. Open your invite link again.');
    return guest;
  }

  /** A guest's state right now, by identity (null for an identity we never issued). */
  stateOfIdentity(identity: string): GuestState | null {
    const guest = findGuestByIdentity(this.deps.db, identity);
    return guest ? this.stateOf(guest) : null;
  }

  private stateOf(guest: GuestSessionRecord): GuestState {
    return resolveGuestState(this.deps.db, this.deps.streams.liveStream()?.stream.id ?? null, guest);
  }

  private pendingRequest(identity: string): { id: string } | undefined {
    const live = this.deps.streams.liveStream();
    if (!live) return undefined;
    const latest = latestStageRequest(this.deps.db, live.stream.id, identity);
    return latest?.status === 'pending' ? latest : undefined;
  }
}
