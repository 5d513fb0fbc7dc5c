import type { StateCreator } from 'zustand';
import type { ModeratorSession } from '../../../shared/contract/moderatorsApi';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { StudioState } from './index';

/** The owner's view of who can moderate right now; kept current by the `moderators.changed` push. */
export interface ModeratorAccessSlice {
  moderatorSessions: readonly ModeratorSession[];
  moderatorSessionsError: AppError | null;
  loadModeratorSessions(): Promise<void>;
  applyModeratorSessions(sessions: readonly ModeratorSession[]): void;
  revokeModeratorSession(session: ModeratorSession): Promise<boolean>;
}

export const createModeratorAccessSlice: StateCreator<StudioState, [], [], ModeratorAccessSlice> = (set, get) => ({
  moderatorSessions: [],
  moderatorSessionsError: null,

  loadModeratorSessions: async () => {
    const result = await studio.invoke('moderators.list', {});
    if (result.ok) set({ moderatorSessions: result.value.sessions, moderatorSessionsError: null });
    else set({ moderatorSessionsError: result.error });
  },

  applyModeratorSessions: (sessions) => set({ moderatorSessions: sessions, moderatorSessionsError: null }),

  revokeModeratorSession: async (session) => {
    const result = await studio.invoke('moderators.revoke', { sessionId: session.id });
    if (result.ok) {
      set({ moderatorSessions: get().moderatorSessions.filter((s) => s.id !== session.id) });
      get().announce(`${session.name} can no longer moderate.`);
    } else {
      get().announce(`Could not revoke ${session.name}: ${result.error.message}`);
    }
    return result.ok;
  },
});

export const selectModeratorSessions = (state: StudioState) => state.moderatorSessions;
export const selectModeratorSessionsError = (state: StudioState) => state.moderatorSessionsError;
