import { migration001 } from './001_initial';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration in order. Add new files at the end; never edit or reorder shipped ones. */
export const MIGRATIONS: readonly Migration[] = [migration001];
