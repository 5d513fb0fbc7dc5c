import { describe, expect, it } from 'vitest';
import { friendlyViewerName } from './viewerNames';

describe('friendlyViewerName', () => {
  it('is stable for an identity and reads like "Adjective Animal NN"', () => {
    const name = friendlyViewerName('viewer-abc');
    expect(name).toBe(friendlyViewerName('viewer-abc'));
    expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \d{2}$/);
  });

  it('tells a crowd apart: 1,000 random identities get almost 1,000 different names', () => {
    const names = new Set(Array.from({ length: 1000 }, (_, i) => friendlyViewerName(`viewer-${i.toString(36)}-${i * 7919}`)));
    expect(names.size).toBeGreaterThan(990);
  });
});
