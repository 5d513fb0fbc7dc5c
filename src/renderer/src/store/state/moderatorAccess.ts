import type { ModeratorSession } from '../../../../shared/contract/moderatorsApi';
import type { AppError } from '../../../../shared/result';

/** The owner's view of who can moderate right now; kept current by the `moderators.changed` push. */
export interface ModeratorAccessSlice {
  moderatorSessions: readonly ModeratorSession[];
  moderatorSessionsError: AppError | null;
  loadModeratorSessions(): Promise<void>;
  applyModeratorSessions(sessions: readonly ModeratorSession[]): void;
  revokeModeratorSession(session: ModeratorSession): Promise<boolean>;
}
