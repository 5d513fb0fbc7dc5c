import type { StudioState } from '../state/studioState';

export const selectLivePhase = (state: StudioState) => state.livePhase;

/** On air (including while ending): the live bar and live controls show. */
export const selectIsLive = (state: StudioState) => state.livePhase === 'live' || state.livePhase === 'ending';

/** Between clicking Go live and being on air. */
export const selectIsStarting = (state: StudioState) =>
  state.livePhase === 'creating' || state.livePhase === 'connecting' || state.livePhase === 'publishing';

export const selectLiveSession = (state: StudioState) => state.liveSession;
