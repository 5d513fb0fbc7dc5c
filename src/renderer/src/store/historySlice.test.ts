import { describe, expect, it } from 'vitest';
import type { SearchPage, StreamDetail, TranscriptPage } from '../../../shared/domain/history';
import type { StreamRecord } from '../../../shared/domain/stream';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';
import { dayStart } from './historySlice';

const stream = (id: string) => ({ id, title: id }) as StreamRecord;
const transcript = (nextCursor: string | null) => ({ messages: [], nextCursor }) as unknown as TranscriptPage;

describe('history slice', () => {
  it('loads the first page with the filter, the "to" day made exclusive', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('history.list', { items: [stream('a')], nextCursor: 'c1', total: 2 });
    store.setState({ historyFilter: { search: 'show', fromDay: '2026-01-02', toDay: '2026-01-03' } });
    await store.getState().loadHistory();
    expect(client.paramsOf('history.list')).toEqual([
      { limit: 20, cursor: null, search: 'show', from: dayStart('2026-01-02'), to: dayStart('2026-01-04') },
    ]);
    expect(store.getState()).toMatchObject({
      streams: [stream('a')],
      historyCursor: 'c1',
      historyTotal: 2,
      historyLoaded: true,
      historyLoading: false,
    });
  });

  it('appends the next page and keeps a failure as the error', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('history.list', { items: [stream('a')], nextCursor: 'c1', total: 2 });
    await store.getState().loadHistory();
    client.answerOk('history.list', { items: [stream('b')], nextCursor: null, total: 2 });
    await store.getState().loadMoreHistory();
    expect(store.getState().streams.map((s) => s.id)).toEqual(['a', 'b']);
    await store.getState().loadMoreHistory();
    expect(client.paramsOf('history.list')).toHaveLength(2);
    client.answer('history.list', fail('internal', 'disk'));
    await store.getState().loadHistory();
    expect(store.getState()).toMatchObject({ historyLoading: false, historyError: { code: 'internal' } });
  });

  it('opens a stream with its detail and first transcript page, and drops a late answer for another', async () => {
    const { client, store } = createTestStudio();
    const detail = { stream: stream('a') } as StreamDetail;
    client.answer('history.detail', ok(detail)).answer('history.transcript', ok(transcript('t2')));
    await store.getState().openStream('a', 'hi');
    expect(client.paramsOf('history.transcript')).toEqual([{ streamId: 'a', cursor: null, query: 'hi', limit: 50 }]);
    expect(store.getState()).toMatchObject({ detailId: 'a', detail, transcript: { query: 'hi', loading: false } });
    await store.getState().nextTranscriptPage();
    expect(store.getState().transcript).toMatchObject({ cursor: 't2', previous: [null] });
    await store.getState().previousTranscriptPage();
    expect(store.getState().transcript).toMatchObject({ cursor: null, previous: [] });
    client.answer('history.detail', fail('not_found', 'gone'));
    await store.getState().openStream('b');
    expect(store.getState().detailError).toMatchObject({ code: 'not_found' });
    store.getState().closeStream();
    expect(store.getState()).toMatchObject({ detailId: null, detail: null });
  });

  it('deletes a stream from the list, the open page and the chat search hits', async () => {
    const { client, store } = createTestStudio();
    const hits = [{ stream: stream('a') }, { stream: stream('b') }];
    store.setState({
      streams: [stream('a'), stream('b')],
      historyTotal: 2,
      detailId: 'a',
      chatSearch: { query: 'x', result: { hits, nextCursor: null } as unknown as SearchPage, loading: false, error: null },
    });
    client.answerOk('history.delete', { deleted: true });
    expect(await store.getState().deleteStream('a')).toBeNull();
    expect(store.getState().streams.map((s) => s.id)).toEqual(['b']);
    expect(store.getState()).toMatchObject({ historyTotal: 1, detailId: null });
    expect(store.getState().chatSearch.result?.hits).toEqual([hits[1]]);
    client.answer('history.delete', fail('conflict', 'live'));
    expect(await store.getState().deleteStream('b')).toMatchObject({ code: 'conflict' });
    expect(store.getState().streams).toHaveLength(1);
  });

  it('searches all chat, appends more, clears on an empty query and keeps errors', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('history.search', { hits: [{ id: 1 }], nextCursor: 'n' } as unknown as SearchPage);
    await store.getState().searchAllChat('  hello ');
    expect(client.paramsOf('history.search')).toEqual([{ query: 'hello', cursor: null, limit: 20 }]);
    await store.getState().searchAllChat('hello', true);
    expect(client.paramsOf('history.search')[1]).toMatchObject({ cursor: 'n' });
    expect(store.getState().chatSearch.result?.hits).toHaveLength(2);
    client.answer('history.search', fail('internal', 'x'));
    await store.getState().searchAllChat('other');
    expect(store.getState().chatSearch).toMatchObject({ loading: false, error: { code: 'internal' } });
    await store.getState().searchAllChat(' ');
    expect(store.getState().chatSearch).toEqual({ query: '', result: null, loading: false, error: null });
  });

  it('exports a stream as a file or an error', async () => {
    const { client, store } = createTestStudio();
    client.answer('history.export', fail('not_found', 'gone'));
    expect(await store.getState().exportStream('a', 'chat', 'csv')).toEqual({ error: { code: 'not_found', message: 'gone' } });
    expect(client.paramsOf('history.export')).toEqual([{ streamId: 'a', part: 'chat', format: 'csv' }]);
  });
});
