import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './linkify';

describe('linkify', () => {
  it('keeps plain text as one text part', () => {
    expect(linkify('hello <b>world</b>')).toEqual([{ kind: 'text', text: 'hello <b>world</b>' }]);
  });

  it('turns http(s) URLs into links and leaves trailing punctuation outside', () => {
    expect(linkify('see https://example.com/a?b=1, then http://x.dev.')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', text: 'http://x.dev', href: 'http://x.dev/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps other schemes inert', () => {
    expect(linkify('javascript://%0aalert(1) and file:///etc/passwd')).toEqual([
      { kind: 'text', text: 'javascript://%0aalert(1) and file:///etc/passwd' },
    ]);
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('https://ok.example')).toBe('https://ok.example/');
  });
});
