import type { StudioState } from '../state/studioState';

export const selectLivePhase = (state: StudioState) => state.livePhase;

/** On air (including while ending): the live bar and live controls show. */
export const selectIsLive = (state: StudioState) => state.livePhase === 'live' || state.livePhase === 'ending';

/** Between clicking Go live and being on air. */
export const selectIsStarting = (state: StudioState) =>
  state.livePhase === 'creating' || state.livePhase === 'connecting' || state.livePhase === 'publishing';

export const selectLiveSession = (state: StudioState) => state.liveSession;

export const selectHasResumeOffer = (state: StudioState) => state.resumeOffer !== null;

export const selectLiveStartedAt = (state: StudioState) => state.liveSession?.startedAt ?? null;

export const selectLiveConnection = (state: StudioState) => state.liveConnection;

export const selectLiveRetryAttempt = (state: StudioState) => state.liveRetryAttempt;

export const selectLiveRecovered = (state: StudioState) => state.liveRecovered;

export const selectLiveQuality = (state: StudioState) => state.liveQuality;

export const selectLiveViewers = (state: StudioState) => state.liveViewers;

export const selectLiveBitrateKbps = (state: StudioState) => state.liveBitrateKbps;

export const selectLiveFps = (state: StudioState) => state.liveFps;

export const selectDraftMode = (state: StudioState) => state.draftMode;

/** The mode on air, or the one picked in the form while not live. */
export const selectStreamMode = (state: StudioState) => state.liveSession?.mode ?? state.draftMode;

export const selectIsEnding = (state: StudioState) => state.livePhase === 'ending';

/** The room dropped the host in a way a retry must not undo. */
export const selectLiveLost = (state: StudioState) => state.liveConnection === 'lost';

export const selectLiveError = (state: StudioState) => state.liveError;

export const selectLiveEnded = (state: StudioState) => state.liveEnded;

export const selectLiveEndedElsewhere = (state: StudioState) => state.liveEndedElsewhere;

export const selectResumeOffer = (state: StudioState) => state.resumeOffer;

export const selectDraftTitle = (state: StudioState) => state.draftTitle;

export const selectDraftTags = (state: StudioState) => state.draftTags;

export const selectLiveMode = (state: StudioState) => state.liveSession?.mode;

/** Voice-only streams have no camera. */
export const selectIsVoiceOnly = (state: StudioState) => selectStreamMode(state) === 'voice_only';
