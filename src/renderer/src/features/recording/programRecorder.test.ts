import { describe, expect, it, vi } from 'vitest';
import { RECORDING_PIECE_BYTES } from '../../../../shared/domain/recording';
import { fail, ok, type Result } from '../../../../shared/result';
import { ProgramRecorder, toBase64, type RecorderLike, type RecordingState } from './programRecorder';

class FakeRecorder implements RecorderLike {
  events: Parameters<RecorderLike['start']>[1] | null = null;
  /** Chunks handed over when stop() is called (the final dataavailable). */
  lastChunk: Blob | null = null;
  start(_ms: number, events: Parameters<RecorderLike['start']>[1]): void {
    this.events = events;
  }
  async stop(): Promise<void> {
    if (this.lastChunk) this.events?.data(this.lastChunk);
  }
  emit(bytes: number, fill = 1): void {
    this.events!.data(new Blob([new Uint8Array(bytes).fill(fill)]));
  }
}

function setup(answer: (method: string, params: Record<string, unknown>) => Result<unknown> = () => ok({})) {
  const calls: { method: string; params: Record<string, unknown> }[] = [];
  const states: RecordingState[] = [];
  const recorder = new FakeRecorder();
  let released = 0;
  let clock = 1_000;
  const api = {
    invoke: async (method: string, params: Record<string, unknown>) => {
      calls.push({ method, params });
      if (method === 'recording.start') return ok({ id: 'rec_abcdefgh' });
      if (method === 'recording.finish') return ok({ bytes: 0, durationMs: params.durationMs });
      return answer(method, params);
    },
  };
  const program = new ProgramRecorder({
    api: api as never,
    createSource: () => ({ recorder, mimeType: 'video/webm', release: () => void released++ }),
    onState: (state) => states.push(state),
    now: () => clock,
    retryDelaysMs: [1, 1],
  });
  return { program, recorder, calls, states, released: () => released, tick: (ms: number) => (clock += ms) };
}

describe('the program recorder', () => {
  it('cuts chunks into pieces at growing offsets and completes with the duration', async () => {
    const { program, recorder, calls, states, released, tick } = setup();
    expect(await program.start('st_1')).toBe(true);
    expect(calls[0]).toEqual({ method: 'recording.start', params: { streamId: 'st_1', mimeType: 'video/webm' } });
    recorder.emit(RECORDING_PIECE_BYTES + 10);
    tick(1_000);
    recorder.emit(5, 2);
    tick(500);
    recorder.lastChunk = new Blob([new Uint8Array(3)]);
    await program.stop();
    const appends = calls.filter((call) => call.method === 'recording.append').map((call) => call.params);
    expect(appends.map((p) => p.offset)).toEqual([0, RECORDING_PIECE_BYTES, RECORDING_PIECE_BYTES + 10, RECORDING_PIECE_BYTES + 15]);
    expect(appends[2]!.data).toBe(toBase64(new Uint8Array(5).fill(2)));
    expect(calls.at(-1)).toEqual({ method: 'recording.finish', params: { recordingId: 'rec_abcdefgh', durationMs: 1_500 } });
    expect(released()).toBe(1);
    expect(states.at(-1)).toMatchObject({ state: 'saved', recordingId: 'rec_abcdefgh', durationMs: 1_500 });
  });

  it('retries a piece main could not take, then keeps going', async () => {
    let failures = 1;
    const { program, recorder, calls } = setup((method) =>
      method === 'recording.append' && failures-- > 0 ? fail('internal', 'disk busy') : ok({}),
    );
    await program.start('st_1');
    recorder.emit(10);
    await vi.waitFor(() =>
      expect(calls.filter((call) => call.method === 'recording.append').map((call) => call.params.offset)).toEqual([0, 0]),
    );
    await program.stop();
    expect(calls.at(-1)!.params).not.toHaveProperty('error');
  });

  it('fails the recording (not the stream) when main keeps refusing, keeping what was written', async () => {
    let accepted = 1;
    const { program, recorder, calls, states, released } = setup((method) =>
      method === 'recording.append' && accepted-- <= 0 ? fail('internal', 'No space left on device') : ok({}),
    );
    await program.start('st_1');
    recorder.emit(10);
    recorder.emit(10);
    await vi.waitFor(() => expect(program.active).toBe(false));
    expect(calls.at(-1)).toEqual({
      method: 'recording.finish',
      params: { recordingId: 'rec_abcdefgh', durationMs: 0, error: 'Recording stopped: No space left on device' },
    });
    expect(states.at(-1)).toEqual({ state: 'failed', message: 'Recording stopped: No space left on device', bytes: 10 });
    expect(released()).toBe(1);
    expect(program.active).toBe(false);
    await program.stop(); // nothing left to stop
    expect(calls.filter((call) => call.method === 'recording.finish')).toHaveLength(1);
  });

  it('says why when it cannot start, and holds nothing open', async () => {
    const noRecorder = new ProgramRecorder({
      api: { invoke: async () => ok({}) } as never,
      createSource: () => {
        throw new Error('this browser has no MediaRecorder');
      },
      onState: () => undefined,
    });
    expect(await noRecorder.start('st_1')).toBe(false);

    const states: RecordingState[] = [];
    let released = 0;
    const refused = new ProgramRecorder({
      api: { invoke: async () => fail('conflict', 'Recording starts only while this stream is live') } as never,
      createSource: () => ({ recorder: new FakeRecorder(), mimeType: 'video/webm', release: () => void released++ }),
      onState: (state) => states.push(state),
    });
    expect(await refused.start('st_1')).toBe(false);
    expect(states.at(-1)).toEqual({ state: 'failed', message: 'Recording starts only while this stream is live', bytes: 0 });
    expect(released).toBe(1);
  });

  it('encodes base64 the same way Node does, across slice boundaries', () => {
    const bytes = new Uint8Array(20_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
