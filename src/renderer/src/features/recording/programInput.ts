import { defaultLayoutFor } from '../../../../shared/domain/program';
import type { StudioState } from '../../store/state/studioState';
import type { SceneInput } from './programScene';

/** What the recording needs from the studio right now: the scene to draw and the voices to mix. */
export interface ProgramInput {
  scene: Omit<SceneInput, 'width' | 'height'>;
  voices: MediaStreamTrack[];
}

/**
 * Reads what is on air from the store: the host's capture tracks as the mode and the mute
 * buttons leave them, and the stage guests in slot order with their received tracks.
 */
export function programInput(state: StudioState): ProgramInput {
  const session = state.liveSession;
  const mode = session?.mode ?? state.draftMode;
  const screen = mode === 'screen_guests' ? state.screenTrack : null;
  const camera = mode !== 'voice_only' && !state.cameraOff ? state.cameraTrack : null;
  const voices: MediaStreamTrack[] = [];
  if (state.microphoneTrack && !state.micMuted) voices.push(state.microphoneTrack);
  const guests = state.stage.guests
    .filter((guest) => guest.state === 'stage' && guest.slot !== null)
    .sort((a, b) => a.slot! - b.slot!)
    .map((guest) => {
      const media = state.guestMedia[guest.identity];
      if (media?.microphone && !media.micMuted) voices.push(media.microphone);
      return { identity: guest.identity, name: guest.name, camera: media?.camera && !media.cameraMuted ? media.camera : null };
    });
  return {
    scene: { layout: session?.layout ?? defaultLayoutFor(mode), hostName: session?.title ?? 'Live', screen, camera, guests },
    voices,
  };
}
