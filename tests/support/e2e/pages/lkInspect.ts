/** What the test page receives and sees: decoding stats, remote and local tracks, layer requests. */
import { Track, VideoQuality, type RemoteParticipant, type RemoteTrackPublication } from 'livekit-client';
import { currentRoom, requireRoom } from './lkSession';
import type { ParticipantView, RemoteAudioStats, RemoteVideoStats } from './lkTestTypes';

/** How often firstFrameAt looks for a decoded frame. */
const FIRST_FRAME_POLL_MS = 20;

function remotePublications(): { participant: RemoteParticipant; pub: RemoteTrackPublication }[] {
  const out: { participant: RemoteParticipant; pub: RemoteTrackPublication }[] = [];
  for (const participant of requireRoom().remoteParticipants.values()) {
    for (const pub of participant.trackPublications.values()) out.push({ participant, pub });
  }
  return out;
}

export async function videoStats(): Promise<RemoteVideoStats[]> {
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

export async function audioStats(): Promise<RemoteAudioStats[]> {
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

function decodedSource(stats: RemoteVideoStats[], source: string): boolean {
  return stats.some((s) => s.source === source && s.framesDecoded > 0 && s.frameWidth > 0);
}

/**
 * Resolves with Date.now() at the first decoded frame of a remote video track of `source`
 * (polled every 20 ms), or rejects after `timeoutMs`.
 */
export async function firstFrameAt(source: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (currentRoom() && decodedSource(await videoStats(), source)) return Date.now();
    await new Promise((r) => setTimeout(r, FIRST_FRAME_POLL_MS));
  }
  throw new Error(`no decoded ${source} frame within ${timeoutMs} ms`);
}

/** Asks the server for a simulcast layer of a remote video track (UpdateTrackSettings). */
export function setVideoQuality(trackSid: string, quality: 'low' | 'medium' | 'high'): void {
  const found = remotePublications().find(({ pub }) => pub.trackSid === trackSid);
  if (!found) throw new Error(`no remote track ${trackSid}`);
  const map = { low: VideoQuality.LOW, medium: VideoQuality.MEDIUM, high: VideoQuality.HIGH };
  found.pub.setVideoQuality(map[quality]);
}

export function participants(): ParticipantView[] {
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

export function localTracks(): { sid: string; source: string; muted: boolean }[] {
  return [...requireRoom().localParticipant.trackPublications.values()].map((t) => ({
    sid: t.trackSid,
    source: t.source,
    muted: t.isMuted,
  }));
}
