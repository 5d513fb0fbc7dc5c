import type { ExportFile, ExportFormat, ExportPart, SearchPage, StreamDetail, TranscriptPage } from '../../../../shared/domain/history';
import type { StreamRecord } from '../../../../shared/domain/stream';
import type { AppError } from '../../../../shared/result';

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
