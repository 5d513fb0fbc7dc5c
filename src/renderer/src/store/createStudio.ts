import type { StudioClient } from '../../../shared/contract/studioClient';
import { connectStudioClient, type StudioConnection } from '../api/client';
import { GoLiveFlow } from '../features/golive/goLiveFlow';
import type { GoLiveDeps } from '../features/golive/liveState';
import type { ProgramInput } from '../features/recording/programInput';
import { ProgramRecorder, type RecordingState } from '../features/recording/programRecorder';
import { createProgramSource } from '../features/recording/programSource';
import { HostRoom } from '../livekit/hostRoom';
import { HostStageTracker } from '../livekit/hostStage';
import { createStudioStore } from './createStudioStore';
import { bindStudio } from './index';
import type { LiveFlow } from './state/live';
import type { Recorder } from './state/recording';
import type { StudioStore } from './state/studioState';
import { wireApp } from './wiring/appWiring';
import { reloadChat, wireChat } from './wiring/chatWiring';
import { wireLive } from './wiring/liveWiring';
import { wireModeratorAccess } from './wiring/moderatorWiring';
import { wireShortcuts } from './wiring/shortcutWiring';
import { wireStage } from './wiring/stageWiring';
import { stopAll } from './wiring/wiringTools';

/** The studio as the app runs it: one client, one store bound for the components, its wiring started. */
export interface Studio {
  connection: StudioConnection;
  store: StudioStore;
  /** Stops every wiring (the app runs until the window closes; the wiring test stops it). */
  stop(): void;
}

/** What the studio builds around its store: the app takes the real ones, a test hands in fakes. */
export interface StudioParts {
  hostRoom(): HostRoom;
  stageTracker(): HostStageTracker;
  liveFlow(deps: GoLiveDeps): LiveFlow;
  recorder(hooks: { api: StudioClient; onState(recording: RecordingState): void; program(): ProgramInput }): Recorder;
  /** Where the studio's keyboard shortcuts are heard. */
  keys(): Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

const realParts: StudioParts = {
  hostRoom: () => new HostRoom(),
  stageTracker: () => new HostStageTracker(),
  liveFlow: (deps) => new GoLiveFlow(deps),
  recorder: ({ api, onState, program }) => new ProgramRecorder({ api, createSource: () => createProgramSource(program), onState }),
  keys: () => window,
};

/** Back online: a retry waiting out its delay goes at once. */
function onBrowserOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}

/** Builds the studio once, from the app's entry: client, managers, store, and every wiring. */
export function createStudio(connection: StudioConnection = connectStudioClient(), overrides: Partial<StudioParts> = {}): Studio {
  const parts: StudioParts = { ...realParts, ...overrides };
  const { client } = connection;
  const stageTracker = parts.stageTracker();
  const store = createStudioStore(client, {
    liveFlow: (onChange) =>
      parts.liveFlow({
        api: client,
        onChange,
        onOnline: onBrowserOnline,
        createRoom: () => {
          const room = parts.hostRoom();
          // Each host room (going live, resuming, reconnecting) is followed for its guests.
          stageTracker.attach(room.livekitRoom);
          return room;
        },
      }),
    recorder: (hooks) => parts.recorder({ api: client, ...hooks }),
  });
  bindStudio(store, client);
  const reload = reloadChat(store);
  const stop = stopAll([
    wireApp(connection, store),
    wireLive(client, store, reload),
    wireChat(client, store, reload),
    wireStage(client, store, stageTracker),
    wireModeratorAccess(client, store),
    wireShortcuts(store, parts.keys()),
  ]);
  return { connection, store, stop };
}
