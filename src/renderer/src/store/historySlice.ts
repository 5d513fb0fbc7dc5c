import type { StudioClient } from '../../../shared/contract/studioClient';

import type { SliceCreator } from './state/studioState';
import type { TranscriptState, HistorySlice } from './state/history';

const PAGE_SIZE = 20;
/** Chat search hits per page ("More results" loads the next). */
const SEARCH_PAGE_SIZE = 20;
/** Messages per transcript page (the panel numbers messages with it). */
export const TRANSCRIPT_PAGE_SIZE = 50;

const emptyTranscript: TranscriptState = { page: null, query: '', previous: [], cursor: null, loading: false, error: null };

/** Local midnight of a yyyy-mm-dd day, in epoch ms; `plusDays` moves to a later midnight. */
export function dayStart(day: string, plusDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

export const createHistorySlice =
  (client: StudioClient): SliceCreator<HistorySlice> =>
  (set, get) => {
    async function fetchPage(cursor: string | null, append: boolean): Promise<void> {
      set({ historyLoading: true, historyError: null });
      const { search, fromDay, toDay } = get().historyFilter;
      const result = await client.invoke('history.list', {
        limit: PAGE_SIZE,
        cursor,
        search,
        from: dayStart(fromDay),
        // The "to" day is inclusive for people; the API's bound is exclusive.
        to: dayStart(toDay, 1),
      });
      if (!result.ok) {
        set({ historyLoading: false, historyError: result.error });
        return;
      }
      set({
        streams: append ? [...get().streams, ...result.value.items] : result.value.items,
        historyCursor: result.value.nextCursor,
        historyTotal: result.value.total,
        historyLoading: false,
        historyLoaded: true,
      });
    }

    async function fetchTranscript(streamId: string, query: string, cursor: string | null, previous: (string | null)[]): Promise<void> {
      set({ transcript: { ...get().transcript, query, loading: true, error: null } });
      const result = await client.invoke('history.transcript', { streamId, cursor, query, limit: TRANSCRIPT_PAGE_SIZE });
      // A reply for a stream that is no longer open, or for an older query, is dropped.
      if (get().detailId !== streamId || get().transcript.query !== query) return;
      set({
        transcript: result.ok
          ? { page: result.value, query, cursor, previous, loading: false, error: null }
          : { ...get().transcript, loading: false, error: result.error },
      });
    }

    return {
      streams: [],
      historyTotal: 0,
      historyCursor: null,
      historyLoading: false,
      historyLoaded: false,
      historyError: null,
      historyFilter: { search: '', fromDay: '', toDay: '' },
      detailId: null,
      detail: null,
      detailError: null,
      transcript: emptyTranscript,
      chatSearch: { query: '', result: null, loading: false, error: null },
      loadHistory: () => fetchPage(null, false),
      loadMoreHistory: async () => {
        const cursor = get().historyCursor;
        if (cursor) await fetchPage(cursor, true);
      },
      setHistoryFilter: (filter) => {
        set({ historyFilter: { ...get().historyFilter, ...filter } });
        void fetchPage(null, false);
      },
      openStream: async (id, query = '') => {
        set({ detailId: id, detail: null, detailError: null, transcript: emptyTranscript });
        const [detail] = await Promise.all([client.invoke('history.detail', { id }), fetchTranscript(id, query, null, [])]);
        if (get().detailId !== id) return;
        set(detail.ok ? { detail: detail.value } : { detailError: detail.error });
      },
      closeStream: () => set({ detailId: null, detail: null, detailError: null, transcript: emptyTranscript }),
      deleteStream: async (id) => {
        const result = await client.invoke('history.delete', { id });
        if (!result.ok) return result.error;
        const { chatSearch } = get();
        set({
          streams: get().streams.filter((stream) => stream.id !== id),
          historyTotal: Math.max(0, get().historyTotal - 1),
          // Hits from the deleted stream would open a stream that no longer exists.
          chatSearch: chatSearch.result
            ? { ...chatSearch, result: { ...chatSearch.result, hits: chatSearch.result.hits.filter((hit) => hit.stream.id !== id) } }
            : chatSearch,
          ...(get().detailId === id ? { detailId: null, detail: null, transcript: emptyTranscript } : {}),
        });
        return null;
      },
      searchTranscript: async (query) => {
        const id = get().detailId;
        if (id) await fetchTranscript(id, query.trim(), null, []);
      },
      nextTranscriptPage: async () => {
        const { detailId, transcript } = get();
        const next = transcript.page?.nextCursor;
        if (detailId && next) await fetchTranscript(detailId, transcript.query, next, [...transcript.previous, transcript.cursor]);
      },
      previousTranscriptPage: async () => {
        const { detailId, transcript } = get();
        if (!detailId || transcript.previous.length === 0) return;
        const previous = transcript.previous.slice(0, -1);
        await fetchTranscript(detailId, transcript.query, transcript.previous.at(-1) ?? null, previous);
      },
      searchAllChat: async (query, more = false) => {
        const text = query.trim();
        if (text === '') {
          set({ chatSearch: { query: '', result: null, loading: false, error: null } });
          return;
        }
        const before = get().chatSearch;
        const cursor = more ? (before.result?.nextCursor ?? null) : null;
        set({ chatSearch: { ...before, query: text, loading: true, error: null } });
        const result = await client.invoke('history.search', { query: text, cursor, limit: SEARCH_PAGE_SIZE });
        if (get().chatSearch.query !== text) return;
        if (!result.ok) {
          set({ chatSearch: { ...get().chatSearch, loading: false, error: result.error } });
          return;
        }
        const hits = more && before.result ? [...before.result.hits, ...result.value.hits] : result.value.hits;
        set({ chatSearch: { query: text, result: { ...result.value, hits }, loading: false, error: null } });
      },
      exportStream: async (id, part, format) => {
        const result = await client.invoke('history.export', { streamId: id, part, format });
        return result.ok ? { file: result.value } : { error: result.error };
      },
    };
  };
