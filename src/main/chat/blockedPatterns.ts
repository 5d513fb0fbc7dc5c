import { RE2JS, RE2JSException } from 're2js';
import { AppFailure } from '../../shared/result';

/** A compiled blocked-term pattern: all the rules need of it. */
export interface PatternMatcher {
  test(text: string): boolean;
}

/**
 * Why a user-supplied pattern cannot be used, or null when it compiles.
 *
 * Patterns are typed by the host (or a moderator console on another device) and then run against
 * every chat message on the main process. A backtracking engine (V8's RegExp) can take
 * exponential time on patterns like `(a+)+$`, freezing the whole app, so they run on RE2
 * (re2js, a pure-JS port): matching is linear in the text. RE2 has no lookaround or
 * backreferences, which is the price of that guarantee.
 */
export function patternProblem(source: string): string | null {
  try {
    RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (error) {
    if (error instanceof RE2JSException) return error.message.replace(/^error parsing regexp: /u, '');
    throw error;
  }
}

/** Compiles a pattern case-insensitively; call `patternProblem` first for a readable refusal. */
export function compileBlockedPattern(source: string): PatternMatcher {
  const compiled = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return { test: (text) => compiled.test(text) };
}

/** Refuses a rules change whose patterns RE2 cannot run, naming the first bad one. */
export function assertUsablePatterns(patterns: readonly string[]): void {
  for (const pattern of patterns) {
    const problem = patternProblem(pattern);
    if (problem !== null) {
      throw new AppFailure(
        'bad_request',
        `Blocked pattern "${pattern.slice(0, 60)}" cannot be used: ${problem}. Lookarounds and backreferences are not supported.`,
      );
    }
  }
}
