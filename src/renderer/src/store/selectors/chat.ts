import type { StudioState } from '../state/studioState';

export const selectChatMessages = (state: StudioState) => state.chatMessages;

export const selectChatStatus = (state: StudioState) => state.chatStatus;
