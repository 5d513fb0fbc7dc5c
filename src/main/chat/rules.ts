import type { ChatRules } from '../../shared/domain/chat';
import { compileBlockedPattern, type PatternMatcher } from './blockedPatterns';

/** Which rule caught a message; stored as the hold reason and shown to moderators. */
export type RuleId = 'too_long' | 'blocked_term' | 'link' | 'repeated_text' | 'caps' | 'first_message';

export type RuleVerdict = { action: 'allow' } | { action: 'hold' | 'block'; rule: RuleId; message: string };

/** What the rules need to know about the sender besides the text. */
export interface RuleContext {
  /** No message of theirs has been shown in this stream yet. */
  isNewChatter: boolean;
  /** The sender's recent texts (within the repeat window), normalized with `normalizeText`. */
  recentTexts: readonly string[];
}

const MESSAGES: Record<RuleId, string> = {
  too_long: 'Message is too long',
  blocked_term: 'Message contains a blocked term',
  link: 'Links are not allowed here',
  repeated_text: 'You already sent that message',
  caps: 'Please do not shout (too many capitals)',
  first_message: 'First messages are reviewed by a moderator',
};

// A scheme, "www.", or a dotted host ending in a common TLD: good enough to catch pasted links
// without flagging "e.g." or "3.14".
const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|gg|tv|ly|me|co|xyz|ru|info|biz|app|dev|link|site|online|shop|live|to|be|uk|de|us)\b/iu;

/** Lower case, unicode-normalized, whitespace collapsed: the form texts are compared in. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The configured rules compiled once (regexes built when the rules change, not per message).
 * `evaluate` is pure: the same text and context always give the same verdict.
 */
export class CompiledRules {
  private readonly terms: PatternMatcher[];

  constructor(readonly rules: ChatRules) {
    const words = rules.blockedTerms.words.map((word) => escapeRegExp(normalizeText(word))).filter((w) => w.length > 0);
    this.terms = [];
    // Whole words only: "ass" must not catch "class". The words are escaped literals, so V8's
    // engine (which has the lookbehind this needs) cannot backtrack badly on them.
    if (words.length > 0) this.terms.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu'));
    // Patterns are free-form: they run on RE2, linear in the text (see blockedPatterns.ts).
    for (const pattern of rules.blockedTerms.patterns) this.terms.push(compileBlockedPattern(pattern));
  }

  evaluate(text: string, context: RuleContext): RuleVerdict {
    const rules = this.rules;
    const caught: { action: 'hold' | 'block'; rule: RuleId }[] = [];
    if ([...text].length > rules.maxLength) caught.push({ action: 'block', rule: 'too_long' });
    const normalized = normalizeText(text);
    if (this.terms.some((term) => term.test(normalized))) caught.push({ action: rules.blockedTerms.action, rule: 'blocked_term' });
    if (rules.links !== 'allow' && LINK.test(text)) caught.push({ action: rules.links, rule: 'link' });
    if (rules.repeatedText !== 'off' && context.recentTexts.includes(normalized)) {
      caught.push({ action: rules.repeatedText, rule: 'repeated_text' });
    }
    if (rules.caps.action !== 'off' && isShouting(text, rules.caps.maxRatio, rules.caps.minLetters)) {
      caught.push({ action: rules.caps.action, rule: 'caps' });
    }
    if (rules.holdFirstMessages && context.isNewChatter) caught.push({ action: 'hold', rule: 'first_message' });
    // Block beats hold: a message that breaks a hard rule should not wait in the queue.
    const verdict = caught.find((c) => c.action === 'block') ?? caught[0];
    return verdict ? { ...verdict, message: MESSAGES[verdict.rule] } : { action: 'allow' };
  }
}

function isShouting(text: string, maxRatio: number, minLetters: number): boolean {
  let letters = 0;
  let upper = 0;
  for (const char of text) {
    const lower = char.toLowerCase();
    const up = char.toUpperCase();
    if (lower === up) continue; // not a cased letter
    letters += 1;
    if (char === up) upper += 1;
  }
  return letters >= minLetters && upper / letters > maxRatio;
}
