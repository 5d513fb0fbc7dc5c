/**
 * The renderer's logger. This minimal version writes to the console; the one that forwards to
 * main's log has the same API, so callers do not change.
 */
export const logger = {
  error(message: string, error?: unknown): void {
    console.error(message, ...(error === undefined ? [] : [error]));
  },
  warn(message: string, error?: unknown): void {
    console.warn(message, ...(error === undefined ? [] : [error]));
  },
};
