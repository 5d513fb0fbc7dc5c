import { describe, expect, it } from 'vitest';
import type { Recording } from '../../shared/domain/recording';
import { ProgramFeeds, type ProgramTee } from './programFeeds';

const piece = (text: string) => Buffer.from(text).toString('base64');

function setup() {
  const seen: string[] = [];
  const tee: ProgramTee = {
    begin: () => undefined,
    piece: (data) => seen.push(data.toString()),
    end: () => seen.push('<end>'),
  };
  const feeds = new ProgramFeeds(tee);
  const recording: Recording = {
    id: 'rec_1',
    streamId: 's',
    fileName: '',
    mimeType: 'video/webm',
    bytes: 0,
    durationMs: 0,
    startedAt: 0,
    endedAt: null,
    status: 'recording',
    error: null,
  };
  feeds.open(recording);
  return { feeds, seen };
}

describe('ProgramFeeds', () => {
  it('passes pieces on in order, acknowledges a resent piece once, and refuses a gap', () => {
    const { feeds, seen } = setup();
    expect(feeds.append('rec_1', { offset: 0, data: piece('abc'), durationMs: 10 })).toEqual({ bytes: 3 });
    expect(feeds.append('rec_1', { offset: 0, data: piece('abc'), durationMs: 10 })).toEqual({ bytes: 3 });
    expect(() => feeds.append('rec_1', { offset: 5, data: piece('x'), durationMs: 20 })).toThrow(/continues at byte 3/);
    expect(feeds.append('rec_1', { offset: 3, data: piece('de'), durationMs: 20 })).toEqual({ bytes: 5 });
    expect(seen).toEqual(['abc', 'de']);
  });

  it('ends a feed once, returning it as it stood, and ignores ids that are not feeds', () => {
    const { feeds, seen } = setup();
    feeds.append('rec_1', { offset: 0, data: piece('abc'), durationMs: 10 });
    expect(feeds.append('rec_other', { offset: 0, data: piece('x'), durationMs: 1 })).toBeUndefined();
    expect(feeds.end('rec_1')).toMatchObject({ id: 'rec_1', bytes: 3, durationMs: 10 });
    expect(feeds.end('rec_1')).toBeUndefined();
    expect(seen).toEqual(['abc', '<end>']);
  });
});
