import type { ChatRules } from '../../shared/domain/chat';
import { REPEAT_MEMORY, REPEAT_WINDOW_MS, SENDER_IDLE_MS } from './chatLimits';
import { normalizeText } from './rules';

export type LimitVerdict = { ok: true } | { ok: false; code: 'rate_limited' | 'slow_mode'; retryAfterMs: number };

interface SenderState {
  /** Times of recent sends within the rate window, oldest first. */
  sends: number[];
  lastAccepted: number;
  /** Recent normalized texts with their times, for the repeated-text rule. */
  texts: { text: string; at: number }[];
}

/**
 * Per-chatter rate limit (N messages per W seconds) and slow mode (one message per N seconds),
 * plus the short memory of recent texts the repeated-text rule needs. Kept in memory; a chatter
 * it does not know yet is seeded from their stored messages (`seed`), so a restart does not let
 * someone in slow mode post again at once.
 */
export class SendLimiter {
  private readonly senders = new Map<string, SenderState>();

  /** Whether `key` may send now. Does not record anything. */
  check(key: string, now: number, rules: Pick<ChatRules, 'rateLimit' | 'slowModeSeconds'>): LimitVerdict {
    const state = this.senders.get(key);
    if (!state) return { ok: true };
    const slowMs = rules.slowModeSeconds * 1000;
    if (slowMs > 0 && now - state.lastAccepted < slowMs) {
      return { ok: false, code: 'slow_mode', retryAfterMs: slowMs - (now - state.lastAccepted) };
    }
    const windowMs = rules.rateLimit.perSeconds * 1000;
    const recent = state.sends.filter((at) => now - at < windowMs);
    state.sends = recent;
    if (recent.length >= rules.rateLimit.messages) {
      return { ok: false, code: 'rate_limited', retryAfterMs: windowMs - (now - (recent[0] ?? now)) };
    }
    return { ok: true };
  }

  /** Whether `key` has state here; when not, the caller seeds it from storage. */
  has(key: string): boolean {
    return this.senders.has(key);
  }

  /** Restores a chatter's recent accepted sends (oldest first), e.g. read back after a restart. */
  seed(key: string, sends: readonly { at: number; text: string }[]): void {
    if (sends.length === 0 || this.senders.has(key)) return;
    const texts = sends.slice(-REPEAT_MEMORY).map((send) => ({ text: normalizeText(send.text), at: send.at }));
    this.senders.set(key, { sends: sends.map((send) => send.at), lastAccepted: Math.max(...sends.map((send) => send.at)), texts });
  }

  /** Counts a send that passed `check`. */
  record(key: string, now: number, text: string): void {
    let state = this.senders.get(key);
    if (!state) {
      state = { sends: [], lastAccepted: 0, texts: [] };
      this.senders.set(key, state);
    }
    state.sends.push(now);
    state.lastAccepted = now;
    state.texts.push({ text: normalizeText(text), at: now });
    if (state.texts.length > REPEAT_MEMORY) state.texts.shift();
  }

  /** The sender's recent normalized texts, for `RuleContext.recentTexts`. */
  recentTexts(key: string, now: number): string[] {
    const state = this.senders.get(key);
    return state ? state.texts.filter((t) => now - t.at < REPEAT_WINDOW_MS).map((t) => t.text) : [];
  }

  /** Forgets senders idle for longer than every window, so the map does not grow without bound. */
  sweep(now: number, idleMs = SENDER_IDLE_MS): void {
    for (const [key, state] of this.senders) {
      if (now - state.lastAccepted > idleMs) this.senders.delete(key);
    }
  }

  get size(): number {
    return this.senders.size;
  }
}
