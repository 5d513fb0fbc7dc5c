import type { StudioState } from '../state/studioState';

export const selectChatMessages = (state: StudioState) => state.chatMessages;

export const selectChatStatus = (state: StudioState) => state.chatStatus;

export const selectChatStreamId = (state: StudioState) => state.chatStreamId;

export const selectChatPinned = (state: StudioState) => state.chatPinned;

export const selectChatHighlight = (state: StudioState) => state.chatHighlight;

export const selectSendChat = (state: StudioState) => state.sendChat;
