import { Icon } from './Icon';

/** Microphone, camera, screen and sound: the controls and badges of anyone on the program. */

export const MicIcon = () => (
  <Icon>
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </Icon>
);

export const MicOffIcon = () => (
  <Icon>
    <path d="M15 9.3V6a3 3 0 0 0-5.7-1.3M9 9v2a3 3 0 0 0 4.7 2.5M5 11a7 7 0 0 0 11.2 5.6M19 11a7 7 0 0 1-.6 2.8M12 18v3M3 3l18 18" />
  </Icon>
);

export const CameraIcon = () => (
  <Icon>
    <rect x="3" y="6" width="13" height="12" rx="2" />
    <path d="M16 10l5-3v10l-5-3" />
  </Icon>
);

export const CameraOffIcon = () => (
  <Icon>
    <path d="M8 6h6a2 2 0 0 1 2 2v4l5-3v10l-3-1.8M16 16a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2M3 3l18 18" />
  </Icon>
);

export const ScreenIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
  </Icon>
);

/** A crossed-out speaker: the browser is holding the sound until a click. */
export const SpeakerOffIcon = () => (
  <Icon>
    <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" stroke="none" />
    <path d="M17 9l5 5M22 9l-5 5" />
  </Icon>
);

/** The large placeholder for a voice-only program (no video to show). */
export const VoiceIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="44"
    height="44"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M4 10v4M8 7v10M12 4v16M16 7v10M20 10v4" />
  </svg>
);
