import type { ModerationItem } from '../../shared/domain/chat';
import { emptyProgramStage, type ProgramStage, type StageGuest, type StageState } from '../../shared/domain/stage';
import type { RoomMetadata } from '../../shared/domain/program';
import { mayActOn, refusalMessage, type Actor } from '../../shared/domain/roles';
import { AppFailure } from '../../shared/result';
import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import { findGuestByIdentity, markGuestRemoved } from '../db/stage/guestSessions';
import { roleOfIdentity } from '../db/history/participantRoles';
import { revokeInvite } from '../db/stage/invites';
import type { ConnectionQuality } from '../../shared/domain/history';
import { recordQualityChange } from '../db/history/qualityEvents';
import { findRosterGuest, getSpotlight, listRoster, saveRoster, setSpotlight } from '../db/stage/stageRoster';
import { closeStageSession, openStageSession } from '../db/stage/stageSessions';
import type { RoomGateway } from '../livekit/roomGateway';
import type { Logger } from '../logging';
import type { ModeratorAccess } from '../moderation/moderatorAccess';
import { DEFAULT_MODERATOR_TTL_MS } from '../server/sessions';
import type { LiveStreamService } from '../stream/liveStreamService';
import { admit, moveToBackstage, moveToStage, removeGuest } from './rosterMoves';
import { REVOKED_INVITE_NOTICE } from './guestState';
import type { StageQueue } from './stageQueue';

export interface StageServiceDeps {
  db: Database;
  bus: EventBus;
  rooms: RoomGateway;
  streams: LiveStreamService;
  queue: StageQueue;
  moderators: ModeratorAccess;
  log: Logger;
  publicUrl: () => string;
  now?: () => number;
}

/**
 * The stage roster of the live stream: up to four guests in slots, the rest backstage, and a
 * spotlight. Every change is saved to SQLite, applied in LiveKit (who may publish), and written
 * to room metadata so every viewer renders the same program.
 */
export class StageService {
  private readonly now: () => number;

  constructor(private readonly deps: StageServiceDeps) {
    this.now = deps.now ?? Date.now;
    deps.queue.handleStageApprovals((item) => this.admitApproved(item));
  }

  state(): StageState {
    const live = this.deps.streams.liveStream();
    if (!live) return { guests: [], spotlight: null };
    return { guests: listRoster(this.deps.db, live.stream.id), spotlight: getSpotlight(this.deps.db, live.stream.id) };
  }

  guestOf(identity: string): StageGuest | undefined {
    const live = this.deps.streams.liveStream();
    return live ? findRosterGuest(this.deps.db, live.stream.id, identity) : undefined;
  }

  async move(identity: string, to: 'stage' | 'backstage', slot?: number): Promise<StageState> {
    const roster = this.state().guests;
    const next = to === 'stage' ? moveToStage(roster, identity, slot) : moveToBackstage(roster, identity);
    return this.apply(roster, next);
  }

  async spotlight(identity: string | null): Promise<StageState> {
    const streamId = this.liveId();
    if (identity !== null && this.guestOf(identity)?.state !== 'stage') {
      throw new AppFailure('bad_request', 'Only a guest on stage can be spotlighted');
    }
    setSpotlight(this.deps.db, streamId, identity);
    return this.publish();
  }

  async mute(identity: string, kind: 'audio' | 'video', by: Actor): Promise<{ muted: boolean }> {
    const live = this.requireLive();
    this.guestTargetOrFail(identity, by);
    return { muted: await this.deps.rooms.muteTrack(live.stream.roomName, identity, kind) };
  }

  /** Removes a guest now and for the rest of this stream: out of the room, off the roster, link revoked. */
  async kick(identity: string, by: Actor, reason?: string): Promise<StageState> {
    const live = this.requireLive();
    // Before anything is marked or removed: a refused kick leaves no trace and nobody disconnected.
    this.guestTargetOrFail(identity, by);
    const guest = findGuestByIdentity(this.deps.db, identity);
    // Mark first: a poll landing between the two steps must not hand out a fresh token.
    markGuestRemoved(this.deps.db, identity, live.stream.id, this.now(), 'The host removed you from this stream.');
    if (guest) revokeInvite(this.deps.db, guest.inviteId, this.now());
    await this.deps.rooms.removeParticipant(live.stream.roomName, identity);
    try {
      await this.deps.queue.ban(live.stream.id, identity, 'stream', by, reason);
    } catch (error) {
      this.deps.log.warn('stage: chat ban after kick failed', (error as Error).message);
    }
    const roster = this.state().guests;
    return this.apply(roster, removeGuest(roster, identity));
  }

  /** Gives a guest a co-moderator console; the link is handed to the host to pass on. */
  promote(identity: string, by: Actor): { consoleUrl: string } {
    const guest = findGuestByIdentity(this.deps.db, identity);
    if (!guest) throw new AppFailure('not_found', 'No guest with that identity');
    // Handing out moderator powers is itself a moderation action: the grant is audited, listed and revocable.
    const { token } = this.deps.moderators.grant({
      name: guest.name,
      grant: { kind: 'promotion', guestIdentity: identity },
      expiresAt: this.now() + DEFAULT_MODERATOR_TTL_MS,
      by: by.actor,
      action: 'promote',
      targetIdentity: identity,
    });
    return { consoleUrl: `${this.deps.publicUrl()}/?session=${token}` };
  }

  /** The guest leaves the stage (or backstage) on their own. */
  async leave(identity: string): Promise<void> {
    const roster = this.state().guests;
    if (roster.some((g) => g.identity === identity)) await this.apply(roster, removeGuest(roster, identity));
  }

  /** Removes guests who came through a revoked invite. */
  async removeInviteGuests(identities: readonly string[]): Promise<void> {
    const live = this.deps.streams.liveStream();
    if (!live) return;
    for (const identity of identities) {
      markGuestRemoved(this.deps.db, identity, live.stream.id, this.now(), REVOKED_INVITE_NOTICE);
      await this.deps.rooms.removeParticipant(live.stream.roomName, identity);
    }
    const roster = this.state().guests;
    await this.apply(
      roster,
      roster.filter((g) => !identities.includes(g.identity)),
    );
  }

  /** The studio saw a guest's connection quality change; kept for the after-show timeline. */
  reportQuality(identity: string, quality: ConnectionQuality): { recorded: boolean } {
    const live = this.requireLive();
    return { recorded: recordQualityChange(this.deps.db, { streamId: live.stream.id, identity, at: this.now(), quality }) };
  }

  /** Re-applies permissions and the program after the studio reconnects (the roster lives here). */
  async reapply(): Promise<StageState> {
    const roster = this.state().guests;
    return this.apply([], roster);
  }

  /**
   * An approved stage request: the guest joins the roster and LiveKit lets them publish. A refusal
   * (LiveKit down, the room gone) is thrown with its code, so the approval fails and stays pending.
   */
  private async admitApproved(item: ModerationItem): Promise<void> {
    const live = this.deps.streams.liveStream();
    if (!live || live.stream.id !== item.streamId) throw new AppFailure('conflict', 'That stream is no longer live');
    const roster = this.state().guests;
    try {
      await this.apply(roster, admit(roster, item.subject));
    } catch (error) {
      // Undo the roster change (and a stint opened for it) so the guest reads as still waiting.
      saveRoster(this.deps.db, live.stream.id, roster, this.now());
      if (!roster.some((g) => g.identity === item.subject.identity && g.state === 'stage')) {
        closeStageSession(this.deps.db, live.stream.id, item.subject.identity, this.now());
      }
      const code = error instanceof AppFailure ? error.code : 'livekit_error';
      this.deps.log.warn('stage: admitting a guest failed', (error as Error).message);
      throw new AppFailure(code, `Could not bring ${item.subject.name} on stage: ${(error as Error).message}`);
    }
  }

  /** Saves the roster, changes publish grants for guests whose stage state changed, and publishes. */
  private async apply(before: readonly StageGuest[], after: StageGuest[]): Promise<StageState> {
    const live = this.requireLive();
    saveRoster(this.deps.db, live.stream.id, after, this.now());
    const spotlight = getSpotlight(this.deps.db, live.stream.id);
    if (spotlight && after.find((g) => g.identity === spotlight)?.state !== 'stage') setSpotlight(this.deps.db, live.stream.id, null);
    const at = this.now();
    const wasOnStage = new Set(before.filter((g) => g.state === 'stage').map((g) => g.identity));
    for (const guest of after) {
      const onStage = guest.state === 'stage';
      // Stage time for the history: a stint opens on stage and closes on leaving it.
      if (onStage) openStageSession(this.deps.db, { streamId: live.stream.id, identity: guest.identity, name: guest.name, at });
      else closeStageSession(this.deps.db, live.stream.id, guest.identity, at);
      if (onStage !== wasOnStage.has(guest.identity) || before.length === 0) {
        await this.deps.rooms.setGuestPublishing(live.stream.roomName, guest.identity, onStage);
      }
    }
    for (const guest of before) {
      if (!after.some((g) => g.identity === guest.identity) && guest.state === 'stage') {
        closeStageSession(this.deps.db, live.stream.id, guest.identity, at);
        await this.deps.rooms.setGuestPublishing(live.stream.roomName, guest.identity, false);
      }
    }
    return this.publish();
  }

  private async publish(): Promise<StageState> {
    const live = this.requireLive();
    const state = this.state();
    const metadata: RoomMetadata = {
      v: 1,
      title: live.stream.title,
      mode: live.stream.mode,
      layout: live.layout,
      stage: programStage(state),
    };
    await this.deps.rooms.updateRoomMetadata(live.stream.roomName, JSON.stringify(metadata));
    this.deps.bus.emit('stage.changed', state);
    return state;
  }

  /**
   * Kick and mute act on guests only: the caller must outrank the target (the host and other
   * moderators are refused as `forbidden`), and the target must be a guest we know, on the roster
   * or holding a guest session (anyone else is `not_found`).
   */
  private guestTargetOrFail(identity: string, by: Actor): void {
    const target = roleOfIdentity(this.deps.db, identity);
    if (!mayActOn(by.role, target)) throw new AppFailure('forbidden', refusalMessage(by.role, target));
    if (!this.guestOf(identity) && !findGuestByIdentity(this.deps.db, identity)) {
      throw new AppFailure('not_found', 'That guest is not on the stage roster or in a guest session');
    }
  }

  private requireLive() {
    const live = this.deps.streams.liveStream();
    if (!live) throw new AppFailure('conflict', 'Nothing is live; the stage opens when you go live.');
    return live;
  }

  private liveId(): string {
    return this.requireLive().stream.id;
  }
}

export function programStage(state: StageState): ProgramStage {
  const stage = emptyProgramStage();
  for (const guest of state.guests) if (guest.slot !== null) stage.slots[guest.slot] = { identity: guest.identity, name: guest.name };
  stage.spotlight = state.spotlight;
  return stage;
}
