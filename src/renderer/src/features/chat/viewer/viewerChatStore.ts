import { create } from 'zustand';
import type { ChatMessage, ChatRole } from '../../../../../shared/domain/chat';
import { addParticles, type Particle } from './reactionBursts';

/**
 * The viewer chat's own small store (the watch page has no studio store). Only the viewer chat
 * controller writes it; the chat panel and the program highlight overlay read it.
 */
export type ViewerChatStatus =
  /** Not live: nothing to connect to. */
  | 'idle'
  | 'connecting'
  | 'open'
  | 'reconnecting'
  /** Refused for good (banned, stream gone); `problem` says why. */
  | 'closed';

export interface ViewerChatState {
  status: ViewerChatStatus;
  messages: readonly ChatMessage[];
  pinned: ChatMessage | null;
  highlight: ChatMessage | null;
  you: { identity: string; name: string; role: ChatRole } | null;
  slowModeSeconds: number;
  /** Epoch ms before which slow mode holds the next send. */
  nextSendAt: number;
  timedOutUntil: number | null;
  /** A passing notice (slow mode changed, message held for review). */
  notice: string | null;
  /** Why chat is unavailable or the last thing that failed. */
  problem: string | null;
  /** Older messages were missed during a long disconnect. */
  gap: boolean;
  particles: readonly Particle[];
  patch(patch: Partial<Omit<ViewerChatState, 'patch' | 'addParticles' | 'dropParticles' | 'reset'>>): void;
  addParticles(fresh: readonly Particle[]): void;
  dropParticles(ids: ReadonlySet<number>): void;
  reset(): void;
}

const initial = {
  status: 'idle' as ViewerChatStatus,
  messages: [] as readonly ChatMessage[],
  pinned: null,
  highlight: null,
  you: null,
  slowModeSeconds: 0,
  nextSendAt: 0,
  timedOutUntil: null,
  notice: null,
  problem: null,
  gap: false,
  particles: [] as readonly Particle[],
};

export const useViewerChat = create<ViewerChatState>()((set) => ({
  ...initial,
  patch: (patch) => set(patch),
  addParticles: (fresh) => set((state) => ({ particles: addParticles(state.particles, fresh) })),
  dropParticles: (ids) => set((state) => ({ particles: state.particles.filter((p) => !ids.has(p.id)) })),
  reset: () => set(initial),
}));
