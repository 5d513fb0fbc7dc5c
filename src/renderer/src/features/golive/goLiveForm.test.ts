import { describe, expect, it } from 'vitest';
import { parseTags, validateDraft } from './goLiveForm';

describe('go-live form', () => {
  it('parses comma-separated tags, dropping # and blanks', () => {
    expect(parseTags(' #music,  live coding ,, #')).toEqual(['music', 'live coding']);
  });

  it('accepts a valid draft and trims the title', () => {
    expect(validateDraft({ title: '  Friday build  ', tags: 'rust, ui', mode: 'camera_grid' })).toEqual({
      ok: true,
      params: { title: 'Friday build', tags: ['rust', 'ui'], mode: 'camera_grid' },
    });
  });

  it('rejects an empty or too long title, too many tags and duplicates', () => {
    expect(validateDraft({ title: ' ', tags: '', mode: 'voice_only' })).toMatchObject({
      ok: false,
      errors: { title: 'Title is required' },
    });
    expect(validateDraft({ title: 'x'.repeat(121), tags: '', mode: 'voice_only' })).toMatchObject({
      ok: false,
      errors: { title: 'Title is at most 120 characters' },
    });
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`).join(',');
    expect(validateDraft({ title: 'ok', tags: eleven, mode: 'voice_only' })).toMatchObject({
      ok: false,
      errors: { tags: 'At most 10 tags' },
    });
    expect(validateDraft({ title: 'ok', tags: 'a, A', mode: 'voice_only' })).toMatchObject({
      ok: false,
      errors: { tags: 'Tags must be unique' },
    });
  });
});
