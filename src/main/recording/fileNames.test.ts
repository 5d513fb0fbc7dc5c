import { describe, expect, it } from 'vitest';
import { recordingFileName } from './fileNames';
import { parseRange } from './recordingRoute';

describe('recording file names', () => {
  it('start with the UTC start time, keep a readable title and end with the id', () => {
    expect(recordingFileName('Café Launch: Day #1!', Date.UTC(2026, 10, 21, 14, 5), 'rec_AbC-12345')).toBe(
      '2026-11-21_1405_cafe-launch-day-1_AbC-12345.webm',
    );
  });

  it('never carry path separators or dots from the title', () => {
    const name = recordingFileName('../../etc/passwd', 0, 'rec_abcdefgh');
    expect(name).toBe('1970-01-01_0000_etc-passwd_abcdefgh.webm');
  });

  it('fall back to "stream" for a title with no letters', () => {
    expect(recordingFileName('🎥🎥', 0, 'rec_abcdefgh')).toBe('1970-01-01_0000_stream_abcdefgh.webm');
  });
});

describe('byte ranges for playback', () => {
  it('reads the three forms and clamps the end', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('refuses ranges that cannot be satisfied or are malformed', () => {
    expect(parseRange('bytes=1000-', 1000)).toBeNull();
    expect(parseRange('bytes=5-2', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
  });
});
