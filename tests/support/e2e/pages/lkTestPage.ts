/**
 * Browser-side helper bundled (with livekit-client) into the dev-server test page. Specs drive
 * it through `window.lkTest` with page.evaluate; everything it returns is plain JSON.
 */
import { audioStats, firstFrameAt, localTracks, participants, setVideoQuality, videoStats } from './lkInspect';
import { publishCamera, publishCanvasScreenShare, publishMicrophone, sendChat, sendData, stopCanvases, unpublishSource } from './lkPublish';
import { connect, currentRoom, events, messages, tryConnect } from './lkSession';
import type { ReceivedMessage, RecordedEvent } from './lkTestTypes';

export type { ParticipantView, ReceivedMessage, RecordedEvent, RemoteAudioStats, RemoteVideoStats } from './lkTestTypes';

async function disconnect(): Promise<void> {
  stopCanvases();
  await currentRoom()?.disconnect();
}

const api = {
  connect,
  tryConnect,
  publishCamera,
  publishMicrophone,
  publishCanvasScreenShare,
  unpublishSource,
  sendData,
  sendChat,
  videoStats,
  audioStats,
  setVideoQuality,
  firstFrameAt,
  participants,
  localTracks,
  disconnect,
  events: (): RecordedEvent[] => events,
  messages: (): ReceivedMessage[] => messages,
  connectionState: (): string => currentRoom()?.state ?? 'none',
  roomMetadata: (): string => currentRoom()?.metadata ?? '',
};

/** The API specs call through page.evaluate. */
export type LkTestApi = typeof api;

declare global {
  interface Window {
    lkTest: LkTestApi;
  }
}

window.lkTest = api;
