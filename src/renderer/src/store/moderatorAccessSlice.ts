import type { StudioClient } from '../../../shared/contract/studioClient';

import type { SliceCreator } from './state/studioState';
import type { ModeratorAccessSlice } from './state/moderatorAccess';

export const createModeratorAccessSlice =
  (client: StudioClient): SliceCreator<ModeratorAccessSlice> =>
  (set, get) => ({
    moderatorSessions: [],
    moderatorSessionsError: null,

    loadModeratorSessions: async () => {
      const result = await client.invoke('moderators.list', {});
      if (result.ok) set({ moderatorSessions: result.value.sessions, moderatorSessionsError: null });
      else set({ moderatorSessionsError: result.error });
    },

    applyModeratorSessions: (sessions) => set({ moderatorSessions: sessions, moderatorSessionsError: null }),

    revokeModeratorSession: async (session) => {
      const result = await client.invoke('moderators.revoke', { sessionId: session.id });
      if (result.ok) {
        set({ moderatorSessions: get().moderatorSessions.filter((s) => s.id !== session.id) });
        get().announce(`${session.name} can no longer moderate.`);
      } else {
        get().announce(`Could not revoke ${session.name}: ${result.error.message}`);
      }
      return result.ok;
    },
  });
