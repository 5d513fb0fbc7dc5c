import type { MethodName, ParamsOf, ResultOf } from '../../src/shared/contract/studioApi';
import type { AppError, Result } from '../../src/shared/result';

export type { MethodName, ParamsOf, ResultOf };

/**
 * The params argument of a typed call: optional when the method takes none (`{}`), so
 * `call('stream.current')` reads like the app's own calls, required otherwise.
 */
export type ParamsArg<M extends MethodName> = Record<never, never> extends ParamsOf<M> ? [params?: ParamsOf<M>] : [params: ParamsOf<M>];

/** What a test client answers for a call outside the contract (a wrong name, hostile params). */
export interface RawCallResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

/** The value of a successful call; a failed one fails the test with the app's own message. */
export function valueOf<T>(result: Result<T>, what = 'call'): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed call; a call that succeeded fails the test instead. */
export function errorOf<T>(result: Result<T>, what = 'call'): AppError {
  if (result.ok) throw new Error(`${what} succeeded where a failure was expected`);
  return result.error;
}

/** A value a call may answer with `null` (no live stream yet); the test needs it there. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got nothing`);
  return value;
}
