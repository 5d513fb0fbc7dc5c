import { describe, expect, it } from 'vitest';
import { InviteRefusalSchema } from '../../../shared/contract/httpRoutes';
import { refusalCopy } from './refusal';

describe('refusalCopy', () => {
  it('has distinct words for every reason the server can give', () => {
    const titles = InviteRefusalSchema.options.map((reason) => refusalCopy(reason).title);
    expect(new Set(titles).size).toBe(InviteRefusalSchema.options.length);
    expect(refusalCopy('expired').title).toMatch(/expired/);
    expect(refusalCopy('used').title).toMatch(/already been used/);
  });
});
