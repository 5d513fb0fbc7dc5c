import type { StateCreator } from 'zustand';
import type { ExportFile, ExportFormat, ExportPart, SearchPage, StreamDetail, TranscriptPage } from '../../../shared/domain/history';
import type { StreamRecord } from '../../../shared/domain/stream';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { StudioState } from './index';

const PAGE_SIZE = 20;
/** Messages per transcript page (the panel numbers messages with it). */
export const TRANSCRIPT_PAGE_SIZE = 50;

/** What the history list is narrowed to: title/tag text and a day range (inclusive, local days). */
export interface HistoryFilter {
  search: string;
  /** yyyy-mm-dd from a date input, or '' for open-ended. */
  fromDay: string;
  toDay: string;
}

export interface TranscriptState {
  page: TranscriptPage | null;
  query: string;
  /** Cursors of the pages before the current one, so "Previous" can step back. */
  previous: (string | null)[];
  cursor: string | null;
  loading: boolean;
  error: AppError | null;
}

export interface ChatSearchState {
  query: string;
  result: SearchPage | null;
  loading: boolean;
  error: AppError | null;
}

export interface HistorySlice {
  streams: StreamRecord[];
  historyTotal: number;
  historyCursor: string | null;
  historyLoading: boolean;
  historyLoaded: boolean;
  historyError: AppError | null;
  historyFilter: HistoryFilter;
  /** The stream whose detail page is open, or null for the list. */
  detailId: string | null;
  detail: StreamDetail | null;
  detailError: AppError | null;
  transcript: TranscriptState;
  chatSearch: ChatSearchState;
  /** Loads the first page with the current filter, replacing what is shown. */
  loadHistory(): Promise<void>;
  /** Appends the next (older) page. */
  loadMoreHistory(): Promise<void>;
  setHistoryFilter(filter: Partial<HistoryFilter>): void;
  /** Opens a stream's detail page; `query` pre-fills the transcript search. */
  openStream(id: string, query?: string): Promise<void>;
  closeStream(): void;
  /** Deletes a stream; on success it leaves the list (and the detail page, if it was open). */
  deleteStream(id: string): Promise<AppError | null>;
  searchTranscript(query: string): Promise<void>;
  nextTranscriptPage(): Promise<void>;
  previousTranscriptPage(): Promise<void>;
  searchAllChat(query: string, more?: boolean): Promise<void>;
  exportStream(id: string, part: ExportPart, format: ExportFormat): Promise<{ file: ExportFile } | { error: AppError }>;
}

const emptyTranscript: TranscriptState = { page: null, query: '', previous: [], cursor: null, loading: false, error: null };

/** Local midnight of a yyyy-mm-dd day, in epoch ms; `plusDays` moves to a later midnight. */
export function dayStart(day: string, plusDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

export const createHistorySlice: StateCreator<StudioState, [], [], HistorySlice> = (set, get) => {
  async function fetchPage(cursor: string | null, append: boolean): Promise<void> {
    set({ historyLoading: true, historyError: null });
    const { search, fromDay, toDay } = get().historyFilter;
    const result = await studio.invoke('history.list', {
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
    const result = await studio.invoke('history.transcript', { streamId, cursor, query, limit: TRANSCRIPT_PAGE_SIZE });
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
      const [detail] = await Promise.all([studio.invoke('history.detail', { id }), fetchTranscript(id, query, null, [])]);
      if (get().detailId !== id) return;
      set(detail.ok ? { detail: detail.value } : { detailError: detail.error });
    },
    closeStream: () => set({ detailId: null, detail: null, detailError: null, transcript: emptyTranscript }),
    deleteStream: async (id) => {
      const result = await studio.invoke('history.delete', { id });
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
      const result = await studio.invoke('history.search', { query: text, cursor, limit: 20 });
      if (get().chatSearch.query !== text) return;
      if (!result.ok) {
        set({ chatSearch: { ...get().chatSearch, loading: false, error: result.error } });
        return;
      }
      const hits = more && before.result ? [...before.result.hits, ...result.value.hits] : result.value.hits;
      set({ chatSearch: { query: text, result: { ...result.value, hits }, loading: false, error: null } });
    },
    exportStream: async (id, part, format) => {
      const result = await studio.invoke('history.export', { streamId: id, part, format });
      return result.ok ? { file: result.value } : { error: result.error };
    },
  };
};

/** The open stream detail page, or null while the list is shown. */
export const selectHistoryDetailId = (state: StudioState) => state.detailId;
