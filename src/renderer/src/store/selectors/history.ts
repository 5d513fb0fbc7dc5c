import type { StudioState } from '../state/studioState';

/** The open stream detail page, or null while the list is shown. */
export const selectHistoryDetailId = (state: StudioState) => state.detailId;

export const selectExportStream = (state: StudioState) => state.exportStream;

export const selectLoadHistory = (state: StudioState) => state.loadHistory;

export const selectDetail = (state: StudioState) => state.detail;

export const selectDetailError = (state: StudioState) => state.detailError;

export const selectCloseStream = (state: StudioState) => state.closeStream;

export const selectOpenStream = (state: StudioState) => state.openStream;

export const selectDeleteStream = (state: StudioState) => state.deleteStream;

export const selectStreams = (state: StudioState) => state.streams;

export const selectHistoryTotal = (state: StudioState) => state.historyTotal;

export const selectHistoryLoading = (state: StudioState) => state.historyLoading;

export const selectHistoryLoaded = (state: StudioState) => state.historyLoaded;

export const selectHistoryError = (state: StudioState) => state.historyError;

export const selectHistoryCursor = (state: StudioState) => state.historyCursor;

export const selectHistoryFilter = (state: StudioState) => state.historyFilter;

export const selectLoadMoreHistory = (state: StudioState) => state.loadMoreHistory;

export const selectSetHistoryFilter = (state: StudioState) => state.setHistoryFilter;

export const selectChatSearch = (state: StudioState) => state.chatSearch;

export const selectSearchAllChat = (state: StudioState) => state.searchAllChat;

export const selectTranscript = (state: StudioState) => state.transcript;

export const selectSearchTranscript = (state: StudioState) => state.searchTranscript;

export const selectNextTranscriptPage = (state: StudioState) => state.nextTranscriptPage;

export const selectPreviousTranscriptPage = (state: StudioState) => state.previousTranscriptPage;
