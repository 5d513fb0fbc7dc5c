import type { StudioState } from '../state/studioState';

/** The open stream detail page, or null while the list is shown. */
export const selectHistoryDetailId = (state: StudioState) => state.detailId;
