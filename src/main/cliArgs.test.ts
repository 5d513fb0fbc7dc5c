import { describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from './cliArgs';

describe('parseHeadlessArgs', () => {
  it('reads values in both spellings and keeps the rehearsal server on by default', () => {
    expect(parseHeadlessArgs(['--port', '0', '--bind=0.0.0.0', '--data-dir', '/tmp/x'])).toEqual({
      port: 0,
      bind: '0.0.0.0',
      dataDir: '/tmp/x',
      localLivekit: true,
    });
  });

  it('turns the local rehearsal server off with --no-local-livekit', () => {
    expect(parseHeadlessArgs(['--no-local-livekit']).localLivekit).toBe(false);
  });

  it('refuses unknown options, missing values and bad ports with a usage hint', () => {
    expect(() => parseHeadlessArgs(['--nope'])).toThrow(/Unknown option --nope.*--no-local-livekit/);
    expect(() => parseHeadlessArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseHeadlessArgs(['--port', '70000'])).toThrow();
    expect(() => parseHeadlessArgs(['serve'])).toThrow(/Unexpected argument/);
  });
});
