import { randomBytes } from 'node:crypto';
import type { GuestSessionResponse } from '../../shared/contract/httpRoutes';
import type { GuestState } from '../../shared/domain/stage';
import { AppFailure } from '../../shared/result';
import type { Database } from '../db/openDatabase';
import { findGuestByTokenHash, insertGuestSession, listGuestsOfInvite, type GuestSessionRecord } from '../history/guestSessions';
import { getInvite } from '../history/invites';
import { hashCode } from '../invites/inviteCodes';
import type { SettingsService } from '../settings/settingsService';
import type { LiveStreamService } from '../stream/liveStreamService';
import { mintToken } from '../tokens/livekitTokens';
import type { StageQueue } from './stageQueue';
import type { StageService } from './stageService';

export interface GuestServiceDeps {
  db: Database;
  settings: SettingsService;
  streams: LiveStreamService;
  stage: StageService;
  queue: StageQueue;
  now?: () => number;
}

/**
 * Guests between their invite and the stage. A guest holds an opaque bearer token (stored hashed);
 * each poll returns their state and a LiveKit token with exactly that state's grants.
 */
export class GuestService {
  private readonly now: () => number;

  constructor(private readonly deps: GuestServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Called when a guest invite is redeemed. */
  create(inviteId: string, name: string): { guestToken: string; identity: string; name: string } {
    const guestToken = randomBytes(32).toString('base64url');
    const identity = `guest-${randomBytes(8).toString('base64url')}`;
    insertGuestSession(this.deps.db, { id: identity, tokenHash: hashCode(guestToken), inviteId, identity, name, createdAt: this.now() });
    return { guestToken, identity, name };
  }

  identitiesOfInvite(inviteId: string): string[] {
    return listGuestsOfInvite(this.deps.db, inviteId).map((guest) => guest.identity);
  }

  async session(guestToken: string): Promise<GuestSessionResponse> {
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
      livekit = { url: credentials.url, token, roomName: live.stream.roomName, canPublish };
    }
    return {
      state,
      identity: guest.identity,
      name: guest.name,
      livekit,
      title: live?.stream.title ?? null,
      notice: state === 'removed' ? guest.notice : state === 'rejected' ? 'The host could not bring you on stage this time. Thanks for offering — you can keep watching.' : null,
    };
  }

  request(guestToken: string, devices: { camera: boolean; microphone: boolean }): GuestState {
    const guest = this.authenticate(guestToken);
    const state = this.stateOf(guest);
    if (state === 'requested' || state === 'backstage' || state === 'stage') return state;
    if (state !== 'joined') throw new AppFailure('conflict', state === 'waiting_for_stream' ? 'The stream has not started yet.' : 'You cannot ask to join right now.');
    const live = this.deps.streams.liveStream()!;
    const raisedHand = getInvite(this.deps.db, guest.inviteId, this.now())?.source === 'hand';
    const note = [raisedHand ? 'Raised a hand on the watch page' : null, devices.camera ? 'camera ready' : 'no camera', devices.microphone ? 'mic ready' : 'no mic']
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

  private authenticate(guestToken: string): GuestSessionRecord {
    const guest = findGuestByTokenHash(this.deps.db, hashCode(guestToken));
    if (!guest) throw new AppFailure('unauthorized', 'This guest session is not valid. Open your invite link again.');
    return guest;
  }

  private stateOf(guest: GuestSessionRecord): GuestState {
    const live = this.deps.streams.liveStream();
    if (!live) return 'waiting_for_stream';
    if (guest.removedFrom === live.stream.id) return 'removed';
    const onRoster = this.deps.stage.guestOf(guest.identity);
    if (onRoster) return onRoster.state;
    if (this.pendingRequest(guest.identity)) return 'requested';
    const rejected = this.deps.queue
      .list({ streamId: live.stream.id, status: 'rejected', kind: 'stage_request', limit: 500 })
      .some((item) => item.subject.identity === guest.identity);
    return rejected ? 'rejected' : 'joined';
  }

  private pendingRequest(identity: string) {
    const live = this.deps.streams.liveStream();
    if (!live) return undefined;
    return this.deps.queue
      .list({ streamId: live.stream.id, status: 'pending', kind: 'stage_request', limit: 500 })
      .find((item) => item.subject.identity === identity);
  }
}
