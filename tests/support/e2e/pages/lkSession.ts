/**
 * The test page's one room connection, and the record of what happened in it (events, messages)
 * that specs assert on.
 */
import { Room, RoomEvent, type RemoteTrack } from 'livekit-client';
import type { ReceivedMessage, RecordedEvent } from './lkTestTypes';

let room: Room | undefined;
export const events: RecordedEvent[] = [];
export const messages: ReceivedMessage[] = [];
const decoder = new TextDecoder();

function record(e: Omit<RecordedEvent, 'at'>): void {
  events.push({ ...e, at: performance.now() });
}

/** The connected room, if any. */
export function currentRoom(): Room | undefined {
  return room;
}

export function requireRoom(): Room {
  if (!room) throw new Error('not connected');
  return room;
}

function attachTrack(track: RemoteTrack): void {
  const el = track.attach();
  el.muted = true;
  el.dataset.trackSid = track.sid ?? '';
  document.body.appendChild(el);
}

function recordRoomEvents(r: Room): void {
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
}

export async function connect(
  url: string,
  token: string,
  options: { autoSubscribe?: boolean } = {},
): Promise<{ sid: string; identity: string }> {
  const r = new Room({ adaptiveStream: false, dynacast: false });
  room = r;
  recordRoomEvents(r);
  await r.connect(url, token, { autoSubscribe: options.autoSubscribe ?? true });
  return { sid: r.localParticipant.sid, identity: r.localParticipant.identity };
}

/** Like connect(), but reports a failure as data instead of throwing. */
export async function tryConnect(
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
