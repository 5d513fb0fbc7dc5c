import { connectStudioClient, type StudioConnection } from '../api/client';
import { GoLiveFlow } from '../features/golive/goLiveFlow';
import { ProgramRecorder } from '../features/recording/programRecorder';
import { createProgramSource } from '../features/recording/programSource';
import { HostRoom } from '../livekit/hostRoom';
import { HostStageTracker } from '../livekit/hostStage';
import { createStudioStore } from './createStudioStore';
import { bindStudio } from './index';
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
  /** Stops every wiring (the app runs until the window closes; tests and hot reloads stop it). */
  stop(): void;
}

/** Back online: a retry waiting out its delay goes at once. */
function onBrowserOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}

/** Builds the studio once, from the app's entry: client, managers, store, and every wiring. */
export function createStudio(connection: StudioConnection = connectStudioClient()): Studio {
  const { client } = connection;
  const stageTracker = new HostStageTracker();
  const store = createStudioStore(client, {
    liveFlow: (onChange) =>
      new GoLiveFlow({
        api: client,
        onChange,
        onOnline: onBrowserOnline,
        createRoom: () => {
          const room = new HostRoom();
          // Each host room (going live, resuming, reconnecting) is followed for its guests.
          stageTracker.attach(room.livekitRoom);
          return room;
        },
      }),
    recorder: ({ onState, program }) => new ProgramRecorder({ api: client, createSource: () => createProgramSource(program), onState }),
  });
  bindStudio(store, client);
  const reload = reloadChat(store);
  const stop = stopAll([
    wireApp(connection, store),
    wireLive(client, store, reload),
    wireChat(client, store, reload),
    wireStage(client, store, stageTracker),
    wireModeratorAccess(client, store),
    wireShortcuts(store),
  ]);
  return { connection, store, stop };
}
