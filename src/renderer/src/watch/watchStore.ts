import { create } from 'zustand';
import type { ProgramLayout, RoomMetadata } from '../../../shared/domain/program';
import type { StreamMode } from '../../../shared/domain/stream';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import { nextPhase, type WatchEvent, type WatchPhase } from './watchPhase';

/** What the program is about: from the token answer first, then from room metadata. */
export interface ProgramInfo {
  title: string;
  mode: StreamMode;
  layout: ProgramLayout;
  /** Epoch ms; drives the elapsed time next to the LIVE badge. */
  startedAt: number;
}

/** The viewer page's whole state. Only the watch controller writes it. */
export interface WatchState {
  phase: WatchPhase;
  program: ProgramInfo | null;
  participants: ViewerParticipant[];
  /** The browser blocked autoplay: show "click to unmute". */
  playbackBlocked: boolean;
  dispatch(event: WatchEvent): void;
  setProgram(program: ProgramInfo | null): void;
  applyMetadata(metadata: RoomMetadata): void;
  setParticipants(participants: ViewerParticipant[]): void;
  setPlaybackBlocked(blocked: boolean): void;
}

/** The viewer page store (one per page). */
export const useWatch = create<WatchState>()((set) => ({
  phase: { kind: 'checking' },
  program: null,
  participants: [],
  playbackBlocked: false,
  dispatch: (event) => set((state) => ({ phase: nextPhase(state.phase, event) })),
  setProgram: (program) => set({ program }),
  applyMetadata: (metadata) =>
    set((state) =>
      state.program ? { program: { ...state.program, title: metadata.title, mode: metadata.mode, layout: metadata.layout } } : {},
    ),
  setParticipants: (participants) => set({ participants }),
  setPlaybackBlocked: (playbackBlocked) => set({ playbackBlocked }),
}));
