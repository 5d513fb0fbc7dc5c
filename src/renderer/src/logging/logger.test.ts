import { describe, expect, it, vi } from 'vitest';
import { DIAGNOSTICS_LIMITS, type RendererReport } from '../../../shared/contract/diagnosticsApi';
import { ManualTimers } from '../testSupport/manualTimers';
import { LOG_BATCHING, LogBatcher } from './logBatcher';
import { createRendererLogger } from './logger';

/** A logger over a silent console and manual timers, and the batches it sent. */
function setup(limits?: { batchSize?: number; bodyBytes?: number }) {
  const timers = new ManualTimers();
  const batcher = new LogBatcher(timers);
  const sent: RendererReport[][] = [];
  const out = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
  const log = createRendererLogger(out, batcher);
  const connect = () => batcher.connect((reports) => (sent.push(reports), Promise.resolve()), limits);
  return { timers, sent, out, log, connect };
}

describe('the renderer logger', () => {
  it('writes to the console at once and sends one batch after a short wait', () => {
    const { timers, sent, out, log, connect } = setup();
    connect();
    const failure = new Error('socket closed');
    log.error('Could not join', failure);
    log.warn('Mic is slow');
    expect(out.error).toHaveBeenCalledWith('Could not join', failure);
    expect(out.warn).toHaveBeenCalledWith('Mic is slow');
    expect(sent).toEqual([]);
    expect(timers.delays).toEqual([LOG_BATCHING.flushAfterMs]);
    timers.fire();
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toMatchObject({
      level: 'error',
      message: 'Could not join: socket closed',
      detail: expect.stringContaining('socket closed'),
    });
    expect(sent[0]![1]).toEqual({ level: 'warn', message: 'Mic is slow' });
  });

  it('keeps reports made before a transport is connected, and counts the ones it could not keep', () => {
    const { timers, sent, log, connect } = setup({ batchSize: 100 });
    for (let i = 0; i < LOG_BATCHING.maxQueued + 3; i += 1) log.info(`early ${i}`);
    expect(timers.delays).toEqual([]);
    connect();
    timers.fire();
    expect(sent[0]![0]).toEqual({ level: 'warn', message: '3 renderer report(s) dropped: too many at once' });
    expect(sent[0]).toHaveLength(LOG_BATCHING.maxQueued + 1);
  });

  it('cuts messages to what main accepts and splits batches to the transport’s size', () => {
    const { timers, sent, log, connect } = setup({ batchSize: 2 });
    connect();
    log.error('x'.repeat(DIAGNOSTICS_LIMITS.messageChars * 2));
    log.error('second');
    log.error('third');
    timers.fire();
    expect(sent[0]!.map((r) => r.message.length)).toEqual([DIAGNOSTICS_LIMITS.messageChars, 'second'.length]);
    timers.fire();
    expect(sent[1]).toEqual([{ level: 'error', message: 'third' }]);
  });

  it('keeps a batch inside a small body cap, shrinking a report that is too big alone', () => {
    const bodyBytes = DIAGNOSTICS_LIMITS.publicBodyBytes;
    const { timers, sent, log, connect } = setup({ bodyBytes });
    connect();
    for (let i = 0; i < 4; i += 1)
      log.error('é'.repeat(DIAGNOSTICS_LIMITS.messageChars), new Error('z'.repeat(DIAGNOSTICS_LIMITS.detailChars)));
    while (timers.fire());
    expect(sent.length).toBeGreaterThan(1);
    for (const batch of sent)
      expect(new TextEncoder().encode(JSON.stringify({ page: 'guest', reports: batch })).length).toBeLessThanOrEqual(bodyBytes);
    expect(sent.flat()).toHaveLength(4);
  });

  it('shrinks a report that is too big alone to what the body cap leaves, counting the envelope once', () => {
    const bodyBytes = 400;
    const { timers, sent, log, connect } = setup({ bodyBytes });
    connect();
    log.error('€'.repeat(DIAGNOSTICS_LIMITS.messageChars));
    timers.fire();
    const [report] = sent[0]!;
    const bodyOf = (message: string) =>
      new TextEncoder().encode(JSON.stringify({ page: 'guest', reports: [{ ...report, message }] })).length;
    expect(bodyOf(report!.message)).toBeLessThanOrEqual(bodyBytes);
    // A report's envelope and keys take well under 100 bytes; the rest of the cap carries the message.
    expect(report!.message.length).toBeGreaterThanOrEqual(Math.floor((bodyBytes - 100) / 3));
  });

  it('falls back to the console when sending fails, without logging through itself', async () => {
    const timers = new ManualTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const batcher = new LogBatcher(timers);
    batcher.connect(() => Promise.reject(new Error('offline')));
    batcher.add({ level: 'error', message: 'lost' });
    timers.fire();
    await Promise.resolve();
    await Promise.resolve();
    expect(warn).toHaveBeenCalledWith('Could not send renderer reports to the app log', expect.any(Error));
    warn.mockRestore();
  });
});
