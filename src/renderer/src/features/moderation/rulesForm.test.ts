import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_RULES } from '../../../../shared/domain/chat';
import { fromRulesForm, parsePatterns, parseWords, toRulesForm } from './rulesForm';

describe('rules form', () => {
  it('round-trips the rules through the form', () => {
    const rules = {
      ...DEFAULT_CHAT_RULES,
      blockedTerms: { words: ['spam', 'scam'], patterns: ['fr[e3]{2}'], action: 'block' as const },
      slowModeSeconds: 30,
    };
    expect(fromRulesForm(toRulesForm(rules))).toEqual({ ok: true, rules });
  });

  it('reads words from lines or commas, without blanks or duplicates', () => {
    expect(parseWords('spam, Scam\n\n  spam \nSCAM,eggs')).toEqual(['spam', 'Scam', 'eggs']);
    expect(parsePatterns('a,b\n\n a,b \nc+')).toEqual(['a,b', 'c+']);
  });

  it('names the field that is wrong', () => {
    const form = toRulesForm(DEFAULT_CHAT_RULES);
    expect(fromRulesForm({ ...form, slowModeSeconds: '' })).toEqual({ ok: false, error: 'Slow mode: enter a number' });
    expect(fromRulesForm({ ...form, capsPercent: '10' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Capital letters share'),
    });
    expect(fromRulesForm({ ...form, blockedPatterns: 'ok\n(unclosed' })).toEqual({
      ok: false,
      error: 'Blocked patterns: Not a valid regular expression',
    });
  });
});
