import { describe, expect, it } from 'vitest';
import type { ModerationKind } from '../../../../shared/domain/chat';
import { arrive, describeBatch, flush, initialArrivals, type ArrivalState } from './arrivalAnnouncer';

/**
 * Drives the throttle like the store does: arrivals at given times, a timer that fires at
 * `flushAt`, and a log of what was said when.
 */
function simulate(arrivals: { at: number; kind?: ModerationKind }[], until: number) {
  let state: ArrivalState = initialArrivals();
  let timer: number | null = null;
  let queue = 0;
  const said: { at: number; text: string }[] = [];
  const fireTimerUpTo = (now: number) => {
    while (timer !== null && timer <= now) {
      const at = timer;
      const step = flush(state, at, queue);
      state = step.state;
      timer = step.flushAt;
      if (step.say) said.push({ at, text: step.say });
    }
  };
  for (const { at, kind = 'held_message' } of arrivals) {
    fireTimerUpTo(at);
    queue += 1;
    const step = arrive(state, kind, queue, at, () => `one ${kind} (${queue} in queue)`);
    state = step.state;
    if (step.say) said.push({ at, text: step.say });
    if (step.flushAt !== null && timer === null) timer = step.flushAt;
  }
  fireTimerUpTo(until);
  return said;
}

describe('arrival announcements', () => {
  it('announces a lone arrival at once, in full', () => {
    expect(simulate([{ at: 1000 }], 60_000)).toEqual([{ at: 1000, text: 'one held_message (1 in queue)' }]);
  });

  it('batches arrivals inside the hold-off into one count said when it ends', () => {
    const said = simulate([{ at: 0 }, { at: 100 }, { at: 500 }, { at: 1900, kind: 'report' }], 60_000);
    expect(said).toEqual([
      { at: 0, text: 'one held_message (1 in queue)' },
      { at: 2000, text: '2 new held messages and 1 new report. 4 in queue.' },
    ]);
  });

  it('never says two arrival sentences less than 2 s apart', () => {
    const arrivals = Array.from({ length: 300 }, (_, i) => ({ at: i * 37 }));
    const said = simulate(arrivals, 60_000);
    for (let i = 1; i < said.length; i++) expect(said[i]!.at - said[i - 1]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('50 arrivals a second for 10 s make at most 5 announcements, and every arrival is counted', () => {
    const arrivals = Array.from({ length: 500 }, (_, i) => ({ at: i * 20 }));
    const said = simulate(arrivals, 60_000);
    expect(said.length).toBeLessThanOrEqual(5);
    const counted = said.slice(1).reduce((sum, { text }) => sum + Number(/^(\d+) new/.exec(text)![1]), 1);
    expect(counted).toBe(500);
    expect(said.at(-1)!.text).toMatch(/new held messages\. 500 in queue\.$/);
  });

  it('goes back to a 2 s hold-off after a quiet spell', () => {
    const flood = Array.from({ length: 100 }, (_, i) => ({ at: i * 50 }));
    const later = [{ at: 30_000 }, { at: 30_500 }];
    const said = simulate([...flood, ...later], 60_000);
    expect(said.at(-2)).toEqual({ at: 30_000, text: 'one held_message (101 in queue)' });
    expect(said.at(-1)).toEqual({ at: 32_000, text: '1 new held message. 102 in queue.' });
  });

  it('says the queue length at the time of the batch, not of the last arrival', () => {
    let state = initialArrivals();
    state = arrive(state, 'held_message', 1, 0, () => 'first').state;
    const step = arrive(state, 'stage_request', 2, 10, () => 'second');
    expect(step.say).toBeNull();
    expect(step.flushAt).toBe(2000);
    expect(flush(step.state, 1999).say).toBeNull();
    expect(flush(step.state, 2000, 0).say).toBe('1 new stage request. Queue is empty.');
  });

  it('lists three kinds with commas', () => {
    expect(describeBatch({ held_message: 3, report: 1, stage_request: 2 }, 9)).toBe(
      '3 new held messages, 1 new report and 2 new stage requests. 9 in queue.',
    );
  });
});
