import { describe, expect, it } from 'vitest';
import { describeMediaError } from './mediaErrors';

describe('describeMediaError', () => {
  it('tells a denied permission apart from a missing or busy device', () => {
    expect(describeMediaError({ name: 'NotAllowedError' }, 'camera')).toMatch(/camera was blocked/);
    expect(describeMediaError({ name: 'NotFoundError' }, 'microphone')).toMatch(/No microphone was found/);
    expect(describeMediaError({ name: 'NotReadableError' }, 'camera')).toMatch(/busy/);
  });

  it('still says something useful for anything else', () => {
    expect(describeMediaError(new Error('boom'), 'microphone')).toMatch(/microphone could not be started/);
    expect(describeMediaError(null, 'camera')).toMatch(/camera could not be started/);
  });
});
