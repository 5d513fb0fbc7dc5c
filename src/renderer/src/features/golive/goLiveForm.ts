import { StreamTagsSchema, StreamTitleSchema, type StreamMode } from '../../../../shared/domain/stream';
import type { GoLiveParams } from '../../../../shared/domain/live';

/** The go-live form as typed. */
export interface GoLiveDraft {
  title: string;
  tags: string;
  mode: StreamMode;
}

/** Splits "a, b #c" into tags: commas separate, a leading # is dropped, blanks are ignored. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim().replace(/^#+/, '').trim())
    .filter((tag) => tag.length > 0);
}

/** Validates the draft with the same schemas main uses, so errors show before anything is sent. */
export function validateDraft(
  draft: GoLiveDraft,
): { ok: true; params: GoLiveParams } | { ok: false; errors: { title?: string; tags?: string } } {
  const title = StreamTitleSchema.safeParse(draft.title);
  const tags = StreamTagsSchema.safeParse(parseTags(draft.tags));
  if (title.success && tags.success) return { ok: true, params: { title: title.data, tags: tags.data, mode: draft.mode } };
  const errors: { title?: string; tags?: string } = {};
  if (!title.success) errors.title = title.error.issues[0]?.message ?? 'Invalid title';
  if (!tags.success)
    errors.tags = tags.error.issues[0]?.message.replace(/^Too big.*$/, 'Each tag is at most 32 characters') ?? 'Invalid tags';
  return { ok: false, errors };
}
