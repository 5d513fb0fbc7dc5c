/** What the livekit-client test page reports to specs; everything is plain JSON. */

/** One thing that happened in the room, recorded for assertions. */
export interface RecordedEvent {
  type: string;
  participant?: string;
  trackSid?: string;
  source?: string;
  reason?: number;
  value?: string;
  at: number;
}

export interface ReceivedMessage {
  kind: 'data' | 'text';
  from: string | undefined;
  topic: string | undefined;
  text: string;
}

export interface RemoteVideoStats {
  participant: string;
  trackSid: string;
  source: string;
  framesDecoded: number;
  frameWidth: number;
  frameHeight: number;
}

export interface RemoteAudioStats {
  participant: string;
  trackSid: string;
  packetsReceived: number;
}

export interface ParticipantView {
  identity: string;
  sid: string;
  tracks: { sid: string; source: string; muted: boolean; subscribed: boolean }[];
}
