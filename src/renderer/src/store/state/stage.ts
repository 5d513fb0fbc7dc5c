import type { CreatedInvite, Invite, InviteRole, StageState } from '../../../../shared/domain/stage';
import type { GuestMediaMap, GuestQuality } from '../../livekit/hostStageTypes';

/** A sentence about the last stage or invite action, shown above the grid. */
export interface StageNotice {
  kind: 'error' | 'info';
  text: string;
}

/** A guest just made co-moderator: their console link, for the host to pass on. */
export interface PromotedGuest {
  name: string;
  consoleUrl: string;
}

/** What the invites form sends; the server fills defaults (1 h, one use). */
export interface InviteDraft {
  role: InviteRole;
  label: string;
  expiresInMinutes: number;
  maxUses: number;
}

export interface StageSlice {
  stage: StageState;
  /** Guest media as the host room sees it (tracks, mute, speaking, quality). */
  guestMedia: GuestMediaMap;
  invites: Invite[];
  /** The invite created last, with its link (the code is shown only once). */
  createdInvite: CreatedInvite | null;
  invitesOpen: boolean;
  stageNotice: StageNotice | null;
  promoted: PromotedGuest | null;
  /** Identities with a control request in flight (their buttons wait). */
  stageBusy: Readonly<Record<string, true>>;
  loadStage(): Promise<void>;
  applyStage(state: StageState): void;
  setGuestMedia(media: GuestMediaMap): void;
  reportGuestQuality(identity: string, quality: Exclude<GuestQuality, 'unknown'>): void;
  moveGuest(identity: string, to: 'stage' | 'backstage', slot?: number): Promise<void>;
  spotlightGuest(identity: string | null): Promise<void>;
  muteGuest(identity: string, kind: 'audio' | 'video'): Promise<void>;
  kickGuest(identity: string): Promise<boolean>;
  promoteGuest(identity: string): Promise<void>;
  loadInvites(): Promise<void>;
  applyInvites(invites: Invite[]): void;
  createInvite(draft: InviteDraft): Promise<boolean>;
  revokeInvite(id: string): Promise<void>;
  setInvitesOpen(open: boolean): void;
  dismissStageNotice(): void;
}
