import { describe, expect, it } from 'vitest';
import { DEFAULT_MULTISTREAM_OUTPUT, type Destination, type MultistreamStatus } from '../../../shared/domain/multistream';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';

const destination = { id: 'd1', enabled: true, hasKey: true } as Destination;

describe('multistream slice', () => {
  it('loads destinations, the shared output and the status', async () => {
    const { client, store } = createTestStudio();
    const status = { destinations: [] } as unknown as MultistreamStatus;
    client
      .answerOk('multistream.list', { destinations: [destination], output: DEFAULT_MULTISTREAM_OUTPUT })
      .answerOk('multistream.status', status);
    await store.getState().loadDestinations();
    expect(client.methods()).toEqual(['multistream.list', 'multistream.status']);
    expect(store.getState()).toMatchObject({ destinations: [destination], multistreamStatus: status, multistreamError: null });
  });

  it('adds, updates and removes through the client, reloading after each', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('multistream.list', { destinations: [destination], output: DEFAULT_MULTISTREAM_OUTPUT });
    client.answer('multistream.add', ok(destination as never)).answer('multistream.update', ok(destination as never));
    client.answer('multistream.remove', ok({ removed: true } as never));
    expect(await store.getState().addDestination({ kind: 'custom', label: 'x', url: 'rtmp://x', key: 'k' } as never)).toBe(true);
    expect(await store.getState().updateDestination({ id: 'd1', enabled: false } as never)).toBe(true);
    await store.getState().removeDestination('d1');
    expect(client.methods()).toEqual([
      'multistream.add',
      'multistream.list',
      'multistream.update',
      'multistream.list',
      'multistream.remove',
      'multistream.list',
    ]);
  });

  it('keeps a refused change as the error without reloading', async () => {
    const { client, store } = createTestStudio();
    client.answer('multistream.add', fail('bad_request', 'bad url'));
    expect(await store.getState().addDestination({} as never)).toBe(false);
    expect(store.getState().multistreamError).toMatchObject({ code: 'bad_request' });
    expect(client.methods()).toEqual(['multistream.add']);
  });

  it('keeps the highest uplink reading', () => {
    const { store } = createTestStudio();
    store.getState().noteUplinkCapacity(3000);
    const first = store.getState().uplinkCapacity;
    expect(first).not.toBeNull();
    store.getState().noteUplinkCapacity(1000);
    expect(store.getState().uplinkCapacity).toBe(first);
  });

  it('applies a pushed status', () => {
    const { store } = createTestStudio();
    const status = { destinations: [] } as unknown as MultistreamStatus;
    store.getState().applyMultistreamStatus(status);
    expect(store.getState().multistreamStatus).toBe(status);
  });
});
