/**
 * Browser-side helper bundled (with livekit-client) into the dev-server test page. Specs drive
 * it through `window.lkTest` with page.evaluate; everything it returns is plain JSON.
 */
import {
  LocalVideoTrack,
  Room,
  RoomEvent,
  Track,
  VideoQuality,
  createLocalAudioTrack,
  createLocalVideoTrack,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';

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

let room: Room | undefined;
const events: RecordedEvent[] = [];
const messages: ReceivedMessage[] = [];
const decoder = new TextDecoder();
const canvasTimers: number[] = [];

function record(e: Omit<RecordedEvent, 'at'>): void {
  events.push({ ...e, at: performance.now() });
}

function requireRoom(): Room {
  if (!room) throw new Error('not connected');
  return room;
}

function attachTrack(track: RemoteTrack): void {
  const el = track.attach();
  el.muted = true;
  el.dataset.trackSid = track.sid ?? '';
  document.body.appendChild(el);
}

async function connect(url: string, token: string, options: { autoSubscribe?: boolean } = {}): Promise<{ sid: string; identity: string }> {
  const r = new Room({ adaptiveStream: false, dynacast: false });
  room = r;
  r.on(RoomEvent.Disconnected, (reason) => record({ type: 'disconnected', reason }))
    .on(RoomEvent.ParticipantConnected, (p) => record({ type: 'participantConnected', participant: p.identity }))
    .on(RoomEvent.ParticipantDisconnected, (p) => record({ type: 'participantDisconnected', participant: p.identity }))
    .on(RoomEvent.TrackPublished, (pub, p) =>
      record({ type: 'trackPublished', participant: p.identity, trackSid: pub.trackSid, source: pub.source }),
    )
    .on(RoomEvent.TrackUnpublished, (pub, p) =>
      record({ type: 'trackUnpublished', participant: p.identity, trackSid: pub.trackSid, source: pub.source }),
    )
    .on(RoomEvent.TrackSubscribed, (track, pub, p) => {
      record({ type: 'trackSubscribed', participant: p.identity, trackSid: pub.trackSid, source: pub.source });
      attachTrack(track);
    })
    .on(RoomEvent.TrackUnsubscribed, (track, pub, p) => {
      track.detach().forEach((el) => el.remove());
      record({ type: 'trackUnsubscribed', participant: p.identity, trackSid: pub.trackSid, source: pub.source });
    })
    .on(RoomEvent.TrackMuted, (pub, p) =>
      record({ type: 'trackMuted', participant: p.identity, trackSid: pub.trackSid, source: pub.source }),
    )
    .on(RoomEvent.TrackUnmuted, (pub, p) =>
      record({ type: 'trackUnmuted', participant: p.identity, trackSid: pub.trackSid, source: pub.source }),
    )
    .on(RoomEvent.LocalTrackUnpublished, (pub) => record({ type: 'localTrackUnpublished', trackSid: pub.trackSid, source: pub.source }))
    .on(RoomEvent.RoomMetadataChanged, (metadata) => record({ type: 'roomMetadataChanged', value: metadata }))
    .on(RoomEvent.ParticipantMetadataChanged, (_prev, p) =>
      record({ type: 'participantMetadataChanged', participant: p.identity, value: p.metadata }),
    )
    .on(RoomEvent.ParticipantPermissionsChanged, (_prev, p) =>
      record({ type: 'permissionsChanged', participant: p.identity, value: JSON.stringify(p.permissions ?? {}) }),
    )
    .on(RoomEvent.DataReceived, (payload, participant, _kind, topic) =>
      messages.push({ kind: 'data', from: participant?.identity, topic, text: decoder.decode(payload) }),
    );
  r.registerTextStreamHandler('lk.chat', (reader, info) => {
    void reader.readAll().then((text) => messages.push({ kind: 'text', from: info.identity, topic: 'lk.chat', text }));
  });
  await r.connect(url, token, { autoSubscribe: options.autoSubscribe ?? true });
  return { sid: r.localParticipant.sid, identity: r.localParticipant.identity };
}

/** Like connect(), but reports a failure as data instead of throwing. */
async function tryConnect(
  url: string,
  token: string,
): Promise<{ ok: true } | { ok: false; name: string; message: string; reason: number | undefined; status: number | undefined }> {
  try {
    await connect(url, token);
    return { ok: true };
  } catch (err) {
    const e = err as { name?: string; message?: string; reason?: number; status?: number };
    return { ok: false, name: e.name ?? 'Error', message: e.message ?? String(err), reason: e.reason, status: e.status };
  }
}

/**
 * Publishes the fake camera. Pass `maintain-resolution` when a test asserts on layer sizes, so
 * a busy machine lowers the frame rate instead of the resolution.
 */
async function publishCamera(width = 1280, height = 720, degradationPreference?: RTCDegradationPreference): Promise<string> {
  const track = await createLocalVideoTrack({ resolution: { width, height, frameRate: 30 } });
  const pub = await requireRoom().localParticipant.publishTrack(track, {
    source: Track.Source.Camera,
    ...(degradationPreference ? { degradationPreference } : {}),
  });
  return pub.trackSid;
}

async function publishMicrophone(): Promise<string> {
  const track = await createLocalAudioTrack();
  const pub = await requireRoom().localParticipant.publishTrack(track, { source: Track.Source.Microphone });
  return pub.trackSid;
}

/**
 * Publishes a screen share. Headless Chromium has no desktop to capture, so the "screen" is a
 * canvas animation captured with captureStream() and published with source ScreenShare; the
 * SFU path (two simulcast layers q/h, screen-share encodings) is the same as for a real capture.
 */
async function publishCanvasScreenShare(width = 1280, height = 720): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  let frame = 0;
  const draw = (): void => {
    frame++;
    ctx.fillStyle = `hsl(${(frame * 3) % 360} 60% 40%)`;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#fff';
    ctx.font = `${Math.round(height / 8)}px sans-serif`;
    ctx.fillText(`screen ${frame}`, width / 10, height / 2);
    ctx.fillRect((frame * 7) % width, height - 40, 40, 40);
  };
  draw();
  canvasTimers.push(window.setInterval(draw, 1000 / 15));
  const mediaTrack = canvas.captureStream(15).getVideoTracks()[0];
  if (!mediaTrack) throw new Error('captureStream produced no track');
  const track = new LocalVideoTrack(mediaTrack, undefined, true);
  const pub = await requireRoom().localParticipant.publishTrack(track, { source: Track.Source.ScreenShare });
  return pub.trackSid;
}

async function unpublishSource(source: string): Promise<void> {
  const lp = requireRoom().localParticipant;
  for (const pub of lp.trackPublications.values()) {
    if (pub.source === source && pub.track) await lp.unpublishTrack(pub.track);
  }
}

async function sendData(
  text: string,
  options: { reliable?: boolean; destinationIdentities?: string[]; topic?: string } = {},
): Promise<void> {
  await requireRoom().localParticipant.publishData(new TextEncoder().encode(text), {
    reliable: options.reliable ?? true,
    destinationIdentities: options.destinationIdentities,
    topic: options.topic,
  });
}

async function sendChat(text: string, destinationIdentities?: string[]): Promise<void> {
  await requireRoom().localParticipant.sendText(text, { topic: 'lk.chat', destinationIdentities });
}

function remotePublications(): { participant: RemoteParticipant; pub: RemoteTrackPublication }[] {
  const out: { participant: RemoteParticipant; pub: RemoteTrackPublication }[] = [];
  for (const participant of requireRoom().remoteParticipants.values()) {
    for (const pub of participant.trackPublications.values()) out.push({ participant, pub });
  }
  return out;
}

async function videoStats(): Promise<RemoteVideoStats[]> {
  const out: RemoteVideoStats[] = [];
  for (const { participant, pub } of remotePublications()) {
    const track = pub.track;
    if (!track || track.kind !== Track.Kind.Video || !track.receiver) continue;
    const report = await track.receiver.getStats();
    let framesDecoded = 0;
    let frameWidth = 0;
    let frameHeight = 0;
    report.forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') {
        framesDecoded = Number(s.framesDecoded ?? 0);
        frameWidth = Number(s.frameWidth ?? 0);
        frameHeight = Number(s.frameHeight ?? 0);
      }
    });
    out.push({ participant: participant.identity, trackSid: pub.trackSid, source: pub.source, framesDecoded, frameWidth, frameHeight });
  }
  return out;
}

async function audioStats(): Promise<RemoteAudioStats[]> {
  const out: RemoteAudioStats[] = [];
  for (const { participant, pub } of remotePublications()) {
    const track = pub.track;
    if (!track || track.kind !== Track.Kind.Audio || !track.receiver) continue;
    const report = await track.receiver.getStats();
    let packetsReceived = 0;
    report.forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') packetsReceived = Number(s.packetsReceived ?? 0);
    });
    out.push({ participant: participant.identity, trackSid: pub.trackSid, packetsReceived });
  }
  return out;
}

/**
 * Resolves with Date.now() at the first decoded frame of a remote video track of `source`
 * (polled every 20 ms), or rejects after `timeoutMs`.
 */
async function firstFrameAt(source: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (room && decodedSource(await videoStats(), source)) return Date.now();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no decoded ${source} frame within ${timeoutMs} ms`);
}

function decodedSource(stats: RemoteVideoStats[], source: string): boolean {
  return stats.some((s) => s.source === source && s.framesDecoded > 0 && s.frameWidth > 0);
}

/** Asks the server for a simulcast layer of a remote video track (UpdateTrackSettings). */
function setVideoQuality(trackSid: string, quality: 'low' | 'medium' | 'high'): void {
  const found = remotePublications().find(({ pub }) => pub.trackSid === trackSid);
  if (!found) throw new Error(`no remote track ${trackSid}`);
  const map = { low: VideoQuality.LOW, medium: VideoQuality.MEDIUM, high: VideoQuality.HIGH };
  found.pub.setVideoQuality(map[quality]);
}

function participants(): ParticipantView[] {
  return [...requireRoom().remoteParticipants.values()].map((p) => ({
    identity: p.identity,
    sid: p.sid,
    tracks: [...p.trackPublications.values()].map((t) => ({
      sid: t.trackSid,
      source: t.source,
      muted: t.isMuted,
      subscribed: t.isSubscribed,
    })),
  }));
}

function localTracks(): { sid: string; source: string; muted: boolean }[] {
  return [...requireRoom().localParticipant.trackPublications.values()].map((t) => ({
    sid: t.trackSid,
    source: t.source,
    muted: t.isMuted,
  }));
}

async function disconnect(): Promise<void> {
  for (const t of canvasTimers) clearInterval(t);
  await room?.disconnect();
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
  connectionState: (): string => room?.state ?? 'none',
  roomMetadata: (): string => room?.metadata ?? '',
};

/** The API specs call through page.evaluate. */
export type LkTestApi = typeof api;

declare global {
  interface Window {
    lkTest: LkTestApi;
  }
}

window.lkTest = api;
