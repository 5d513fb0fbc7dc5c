import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_RULES, type ChatRules } from '../../shared/domain/chat';
import { compileBlockedPattern, patternProblem } from './blockedPatterns';
import { CompiledRules, normalizeText } from './rules';

const fresh = { isNewChatter: false, recentTexts: [] as string[] };

function rules(overrides: Partial<ChatRules>): CompiledRules {
  return new CompiledRules({ ...DEFAULT_CHAT_RULES, links: 'allow', repeatedText: 'off', ...overrides });
}

describe('CompiledRules', () => {
  it('allows an ordinary message', () => {
    expect(rules({}).evaluate('hello there, nice stream', fresh)).toEqual({ action: 'allow' });
  });

  it('matches blocked words as whole words, case-insensitively', () => {
    const r = rules({ blockedTerms: { words: ['spam', 'Bad Word'], patterns: [], action: 'hold' } });
    expect(r.evaluate('this is SPAM!', fresh)).toMatchObject({ action: 'hold', rule: 'blocked_term' });
    expect(r.evaluate('a bad   word here', fresh)).toMatchObject({ action: 'hold', rule: 'blocked_term' });
    expect(r.evaluate('spammer and antispam', fresh)).toEqual({ action: 'allow' });
  });

  it('matches blocked patterns and can block instead of hold', () => {
    const r = rules({ blockedTerms: { words: [], patterns: ['fr[e3]{2}\\s*v-?bucks'], action: 'block' } });
    expect(r.evaluate('get FR33 vbucks now', fresh)).toMatchObject({ action: 'block', rule: 'blocked_term' });
    expect(r.evaluate('free time', fresh)).toEqual({ action: 'allow' });
  });

  it('holds or blocks links by setting, and leaves numbers and abbreviations alone', () => {
    expect(rules({ links: 'hold' }).evaluate('see https://x.example/a', fresh)).toMatchObject({ action: 'hold', rule: 'link' });
    expect(rules({ links: 'block' }).evaluate('go to scam.com today', fresh)).toMatchObject({ action: 'block', rule: 'link' });
    expect(rules({ links: 'block' }).evaluate('www.thing', fresh)).toMatchObject({ action: 'block' });
    expect(rules({ links: 'block' }).evaluate('pi is 3.14, e.g. roughly', fresh)).toEqual({ action: 'allow' });
    expect(rules({ links: 'allow' }).evaluate('https://ok.example', fresh)).toEqual({ action: 'allow' });
  });

  it('catches repeated text against the sender recent texts', () => {
    const r = rules({ repeatedText: 'block' });
    expect(r.evaluate('Hello  World', { isNewChatter: false, recentTexts: [normalizeText('hello world')] })).toMatchObject({
      action: 'block',
      rule: 'repeated_text',
    });
    expect(r.evaluate('hello world', fresh)).toEqual({ action: 'allow' });
  });

  it('flags shouting above the caps ratio but not short messages', () => {
    const r = rules({ caps: { action: 'hold', maxRatio: 0.7, minLetters: 12 } });
    expect(r.evaluate('WHY IS NOBODY ANSWERING ME', fresh)).toMatchObject({ action: 'hold', rule: 'caps' });
    expect(r.evaluate('GG WP', fresh)).toEqual({ action: 'allow' });
    expect(r.evaluate('This Is Title Case Text Here', fresh)).toEqual({ action: 'allow' });
  });

  it('holds first messages of new chatters only', () => {
    const r = rules({ holdFirstMessages: true });
    expect(r.evaluate('hi', { isNewChatter: true, recentTexts: [] })).toMatchObject({ action: 'hold', rule: 'first_message' });
    expect(r.evaluate('hi', fresh)).toEqual({ action: 'allow' });
  });

  it('prefers block over hold when several rules match', () => {
    const r = rules({ holdFirstMessages: true, links: 'block' });
    expect(r.evaluate('visit spam.com', { isNewChatter: true, recentTexts: [] })).toMatchObject({ action: 'block', rule: 'link' });
  });

  it('blocks text over the configured length, counting characters not UTF-16 units', () => {
    const r = rules({ maxLength: 5 });
    expect(r.evaluate('😀😀😀😀😀', fresh)).toEqual({ action: 'allow' });
    expect(r.evaluate('123456', fresh)).toMatchObject({ action: 'block', rule: 'too_long' });
  });

  it('runs a catastrophic-backtracking pattern without stalling, and still matches correctly', () => {
    // `(a+)+$` on a long run of a's ending in b takes a backtracking engine practically forever;
    // evaluate() runs every rule, so this returns only if the pattern runs in linear time.
    const r = rules({ blockedTerms: { words: [], patterns: ['(a+)+$'], action: 'hold' } });
    expect(r.evaluate(`${'a'.repeat(50_000)}b`, fresh)).toMatchObject({ action: 'block', rule: 'too_long' });
    expect(r.evaluate(`${'a'.repeat(400)}b`, fresh)).toEqual({ action: 'allow' });
    expect(r.evaluate(`x${'a'.repeat(400)}`, fresh)).toMatchObject({ action: 'hold', rule: 'blocked_term' });
  });
});

describe('blocked patterns', () => {
  it('matches case-insensitively and across Unicode, on RE2', () => {
    const term = compileBlockedPattern('(a+)+$');
    expect(term.test(`${'a'.repeat(50_000)}b`)).toBe(false);
    expect(term.test(`${'a'.repeat(50_000)}`)).toBe(true);
    expect(compileBlockedPattern('ünï\\p{L}').test('xÜNÏé')).toBe(true);
  });

  it('names what RE2 cannot run instead of accepting it', () => {
    expect(patternProblem('fr[e3]{2}')).toBeNull();
    expect(patternProblem('(?=a)b')).toMatch(/unsupported Perl syntax/u);
    expect(patternProblem('(a)\\1')).toMatch(/invalid escape/u);
  });
});
