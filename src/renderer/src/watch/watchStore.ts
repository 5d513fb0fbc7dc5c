import { create } from 'zustand';
import type { ProgramLayout, RoomMetadata } from '../../../shared/domain/program';
import type { ProgramStage } from '../../../shared/domain/stage';
import type { StreamMode } from '../../../shared/domain/stream';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import { nextPhase, type WatchEvent, type WatchPhase } from './watchPhase';

/** What the program is about: from the token answer first, then from room metadata. */
export interface ProgramInfo {
  title: string;
  mode: StreamMode;
  layout: ProgramLayout;
  /** Guests on stage, from room metadata; absent until the room says. */
  stage?: ProgramStage;
  /** Epoch ms; drives the elapsed time next to the LIVE badge. */
  startedAt: number;
  /** The host takes raised hands (ask to join the stage). */
  raisedHands: boolean;
}

/** Where raising a hand stands; `sent` while the page is on its way to the device check. */
export type HandState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/** The viewer page's whole state. Only the watch controller writes it. */
export interface WatchState {
  phase: WatchPhase;
  program: ProgramInfo | null;
  participants: ViewerParticipant[];
  /** The browser blocked autoplay: show "click to unmute". */
  playbackBlocked: boolean;
  hand: HandState;
  dispatch(event: WatchEvent): void;
  setProgram(program: ProgramInfo | null): void;
  applyMetadata(metadata: RoomMetadata): void;
  setParticipants(participants: ViewerParticipant[]): void;
  setPlaybackBlocked(blocked: boolean): void;
  setHand(hand: HandState): void;
}

/** The viewer page store (one per page). */
export const useWatch = create<WatchState>()((set) => ({
  phase: { kind: 'checking' },
  program: null,
  participants: [],
  playbackBlocked: false,
  hand: { kind: 'idle' },
  dispatch: (event) => set((state) => ({ phase: nextPhase(state.phase, event) })),
  setProgram: (program) => set({ program }),
  applyMetadata: (metadata) =>
    set((state) =>
      state.program
        ? { program: { ...state.program, title: metadata.title, mode: metadata.mode, layout: metadata.layout, stage: metadata.stage } }
        : {},
    ),
  setParticipants: (participants) => set({ participants }),
  setPlaybackBlocked: (playbackBlocked) => set({ playbackBlocked }),
  setHand: (hand) => set({ hand }),
}));
