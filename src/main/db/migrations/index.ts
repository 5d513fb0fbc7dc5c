import { migration001 } from './001_initial';
import { migration002 } from './002_chat_moderation';
import { migration003 } from './003_history_analytics';
import { migration004 } from './004_guests_stage';
import { migration005 } from './005_recordings_hands';
import { migration006 } from './006_stage_request_lookup';
import { migration010 } from './010_destination_sessions';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. Add new files at the end; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration010,
];
