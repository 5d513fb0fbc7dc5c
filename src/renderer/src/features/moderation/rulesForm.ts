import { ChatRulesSchema, type ChatRules, type RuleAction } from '../../../../shared/domain/chat';

/**
 * The chat rules as the settings card edits them (strings, as inputs hold them) and back. DOM-free
 * so the conversions are unit-tested; validation is the shared schema's, so the card refuses
 * exactly what the server would.
 */
export interface RulesForm {
  blockedWords: string;
  blockedPatterns: string;
  blockedAction: 'hold' | 'block';
  links: ChatRules['links'];
  repeatedText: RuleAction;
  capsAction: RuleAction;
  /** Percent, 30–100. */
  capsPercent: string;
  capsMinLetters: string;
  holdFirstMessages: boolean;
  slowModeSeconds: string;
  rateMessages: string;
  ratePerSeconds: string;
  maxLength: string;
}

export function toRulesForm(rules: ChatRules): RulesForm {
  return {
    blockedWords: rules.blockedTerms.words.join('\n'),
    blockedPatterns: rules.blockedTerms.patterns.join('\n'),
    blockedAction: rules.blockedTerms.action,
    links: rules.links,
    repeatedText: rules.repeatedText,
    capsAction: rules.caps.action,
    capsPercent: String(Math.round(rules.caps.maxRatio * 100)),
    capsMinLetters: String(rules.caps.minLetters),
    holdFirstMessages: rules.holdFirstMessages,
    slowModeSeconds: String(rules.slowModeSeconds),
    rateMessages: String(rules.rateLimit.messages),
    ratePerSeconds: String(rules.rateLimit.perSeconds),
    maxLength: String(rules.maxLength),
  };
}

/** Words: one per line or separated by commas; blanks and duplicates dropped (case-insensitive). */
export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/[\n,]/u)) {
    const word = raw.trim();
    if (!word || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    words.push(word);
  }
  return words;
}

/** Patterns: one per line (commas are part of regular expressions). */
export function parsePatterns(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** Field names as the card labels them, for error messages. */
const FIELD_LABEL: Record<string, string> = {
  maxLength: 'Longest message',
  'blockedTerms.words': 'Blocked words',
  'blockedTerms.patterns': 'Blocked patterns',
  'caps.maxRatio': 'Capital letters share',
  'caps.minLetters': 'Ignore messages shorter than',
  slowModeSeconds: 'Slow mode',
  'rateLimit.messages': 'Rate limit messages',
  'rateLimit.perSeconds': 'Rate limit seconds',
};

function number(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The full rules from the form, or the first problem in words a person can act on. */
export function fromRulesForm(form: RulesForm): { ok: true; rules: ChatRules } | { ok: false; error: string } {
  const candidate = {
    maxLength: number(form.maxLength),
    blockedTerms: { words: parseWords(form.blockedWords), patterns: parsePatterns(form.blockedPatterns), action: form.blockedAction },
    links: form.links,
    repeatedText: form.repeatedText,
    caps: { action: form.capsAction, maxRatio: number(form.capsPercent) / 100, minLetters: number(form.capsMinLetters) },
    holdFirstMessages: form.holdFirstMessages,
    slowModeSeconds: number(form.slowModeSeconds),
    rateLimit: { messages: number(form.rateMessages), perSeconds: number(form.ratePerSeconds) },
  };
  const parsed = ChatRulesSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const issue = parsed.error.issues[0]!;
  // Array paths end in an index ("blockedTerms.patterns.2"): name the field, keep the message.
  const path = issue.path.filter((part) => typeof part === 'string').join('.');
  const field = FIELD_LABEL[path] ?? path;
  const message = issue.code === 'invalid_type' ? 'enter a number' : issue.message;
  return { ok: false, error: field ? `${field}: ${message}` : message };
}
