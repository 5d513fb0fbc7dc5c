/** Verbose tracing, enabled with LIVEKIT_DEV_SERVER_DEBUG=1 (off by default to keep test output clean). */
const enabled = process.env.LIVEKIT_DEV_SERVER_DEBUG === '1';
const start = Date.now();

export function debugLog(...args: unknown[]): void {
  if (enabled) console.log(`[rehearsal-server +${Date.now() - start}ms]`, ...args);
}
