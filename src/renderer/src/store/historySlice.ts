import type { StateCreator } from 'zustand';
import type { StreamRecord } from '../../../shared/domain/stream';
import type { AppError } from '../../../shared/result';
import { studio } from '../api/client';
import type { StudioState } from './index';

const PAGE_SIZE = 20;

export interface HistorySlice {
  streams: StreamRecord[];
  historyTotal: number;
  historyCursor: string | null;
  historyLoading: boolean;
  historyLoaded: boolean;
  historyError: AppError | null;
  /** Loads the first page, replacing what is shown. */
  loadHistory(): Promise<void>;
  /** Appends the next (older) page. */
  loadMoreHistory(): Promise<void>;
}

export const createHistorySlice: StateCreator<StudioState, [], [], HistorySlice> = (set, get) => {
  async function fetchPage(cursor: string | null, append: boolean): Promise<void> {
    set({ historyLoading: true, historyError: null });
    const result = await studio.invoke('history.list', { limit: PAGE_SIZE, cursor });
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
  return {
    streams: [],
    historyTotal: 0,
    historyCursor: null,
    historyLoading: false,
    historyLoaded: false,
    historyError: null,
    loadHistory: () => fetchPage(null, false),
    loadMoreHistory: async () => {
      const cursor = get().historyCursor;
      if (cursor) await fetchPage(cursor, true);
    },
  };
};
