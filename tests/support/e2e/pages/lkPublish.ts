/** What the test page sends: camera, microphone, a canvas "screen share", data and chat. */
import { LocalVideoTrack, Track, createLocalAudioTrack, createLocalVideoTrack } from 'livekit-client';
import { requireRoom } from './lkSession';

/** Frame rate of the canvas standing in for a screen. */
const CANVAS_FPS = 15;
const canvasTimers: number[] = [];

/**
 * Publishes the fake camera. Pass `maintain-resolution` when a test asserts on layer sizes, so
 * a busy machine lowers the frame rate instead of the resolution.
 */
export async function publishCamera(width = 1280, height = 720, degradationPreference?: RTCDegradationPreference): Promise<string> {
  const track = await createLocalVideoTrack({ resolution: { width, height, frameRate: 30 } });
  const pub = await requireRoom().localParticipant.publishTrack(track, {
    source: Track.Source.Camera,
    ...(degradationPreference ? { degradationPreference } : {}),
  });
  return pub.trackSid;
}

export async function publishMicrophone(): Promise<string> {
  const track = await createLocalAudioTrack();
  const pub = await requireRoom().localParticipant.publishTrack(track, { source: Track.Source.Microphone });
  return pub.trackSid;
}

/**
 * Publishes a screen share. Headless Chromium has no desktop to capture, so the "screen" is a
 * canvas animation captured with captureStream() and published with source ScreenShare; the
 * SFU path (two simulcast layers q/h, screen-share encodings) is the same as for a real capture.
 */
export async function publishCanvasScreenShare(width = 1280, height = 720): Promise<string> {
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
  canvasTimers.push(window.setInterval(draw, 1000 / CANVAS_FPS));
  const mediaTrack = canvas.captureStream(CANVAS_FPS).getVideoTracks()[0];
  if (!mediaTrack) throw new Error('captureStream produced no track');
  const track = new LocalVideoTrack(mediaTrack, undefined, true);
  const pub = await requireRoom().localParticipant.publishTrack(track, { source: Track.Source.ScreenShare });
  return pub.trackSid;
}

/** Stops drawing every canvas screen (the page leaves). */
export function stopCanvases(): void {
  for (const t of canvasTimers) clearInterval(t);
}

export async function unpublishSource(source: string): Promise<void> {
  const lp = requireRoom().localParticipant;
  for (const pub of lp.trackPublications.values()) {
    if (pub.source === source && pub.track) await lp.unpublishTrack(pub.track);
  }
}

export async function sendData(
  text: string,
  options: { reliable?: boolean; destinationIdentities?: string[]; topic?: string } = {},
): Promise<void> {
  await requireRoom().localParticipant.publishData(new TextEncoder().encode(text), {
    reliable: options.reliable ?? true,
    destinationIdentities: options.destinationIdentities,
    topic: options.topic,
  });
}

export async function sendChat(text: string, destinationIdentities?: string[]): Promise<void> {
  await requireRoom().localParticipant.sendText(text, { topic: 'lk.chat', destinationIdentities });
}
