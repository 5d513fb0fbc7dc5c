import type { StudioClient } from '../shared/contract/studioClient';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in a browser. */
    airdeck?: StudioClient;
  }
}

export {};
