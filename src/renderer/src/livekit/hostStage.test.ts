import { ConnectionQuality, RoomEvent, Track, type Room } from 'livekit-client';
import { describe, expect, it } from 'vitest';
import { HostStageTracker, isGuestParticipant } from './hostStage';
import type { GuestMediaMap } from './hostStageTypes';

/** Just enough of a RemoteTrackPublication: subscribing hands over a track. */
class FakePublication {
  isSubscribed = false;
  isMuted = false;
  track: { mediaStreamTrack: object } | undefined;
  constructor(readonly source: Track.Source) {}
  setSubscribed(on: boolean): void {
    this.isSubscribed = on;
    this.track = on ? { mediaStreamTrack: { kind: this.source } } : undefined;
  }
}

class FakeParticipant {
  isLocal = false;
  isSpeaking = false;
  connectionQuality = ConnectionQuality.Unknown;
  trackPublications = new Map<string, FakePublication>();
  constructor(
    readonly identity: string,
    readonly name: string,
    readonly attributes: Record<string, string>,
  ) {}
  publish(source: Track.Source): FakePublication {
    const publication = new FakePublication(source);
    this.trackPublications.set(source, publication);
    return publication;
  }
  getTrackPublication(source: Track.Source): FakePublication | undefined {
    return this.trackPublications.get(source);
  }
}

/** A chainable emitter like the Room's (the renderer may not import Node's). */
class FakeRoom {
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  state = 'connected';
  on(event: string, listener: (...args: unknown[]) => void): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener: (...args: unknown[]) => void): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
  remoteParticipants = new Map<string, FakeParticipant>();
  join(participant: FakeParticipant): void {
    this.remoteParticipants.set(participant.identity, participant);
    this.emit(RoomEvent.ParticipantConnected, participant);
  }
  leave(participant: FakeParticipant): void {
    this.remoteParticipants.delete(participant.identity);
    this.emit(RoomEvent.ParticipantDisconnected, participant);
  }
}

function setup() {
  const snapshots: GuestMediaMap[] = [];
  const qualities: [string, string][] = [];
  const tracker = new HostStageTracker();
  tracker.on('guests', (g) => snapshots.push(g));
  tracker.on('quality', ({ identity, quality }) => qualities.push([identity, quality]));
  const room = new FakeRoom();
  tracker.attach(room as unknown as Room);
  const latest = async () => {
    await Promise.resolve();
    return snapshots.at(-1) ?? {};
  };
  return { tracker, room, qualities, latest };
}

describe('isGuestParticipant', () => {
  it('takes guest roles and guest identities, never viewers or the host', () => {
    expect(isGuestParticipant({ identity: 'guest-a', attributes: { 'airdeck.role': 'stage_guest' } })).toBe(true);
    expect(isGuestParticipant({ identity: 'guest-a', attributes: { 'airdeck.role': 'waiting_guest' } })).toBe(true);
    expect(isGuestParticipant({ identity: 'guest-b', attributes: {} })).toBe(true);
    expect(isGuestParticipant({ identity: 'viewer-x', attributes: { 'airdeck.role': 'viewer' } })).toBe(false);
    expect(isGuestParticipant({ identity: 'guest-x', attributes: { 'airdeck.role': 'viewer' } })).toBe(false);
  });
});

describe('HostStageTracker', () => {
  it('subscribes to guest camera and mic only, and reports them as plain snapshots', async () => {
    const { room, latest } = setup();
    const guest = new FakeParticipant('guest-a', 'Ada', { 'airdeck.role': 'stage_guest' });
    const viewer = new FakeParticipant('viewer-1', 'V', { 'airdeck.role': 'viewer' });
    const camera = guest.publish(Track.Source.Camera);
    room.join(guest);
    room.join(viewer);
    const viewerCamera = viewer.publish(Track.Source.Camera);
    room.emit(RoomEvent.TrackPublished, viewerCamera, viewer);
    const mic = guest.publish(Track.Source.Microphone);
    room.emit(RoomEvent.TrackPublished, mic, guest);

    expect(camera.isSubscribed && mic.isSubscribed).toBe(true);
    expect(viewerCamera.isSubscribed).toBe(false);
    const snapshot = await latest();
    expect(Object.keys(snapshot)).toEqual(['guest-a']);
    expect(snapshot['guest-a']).toMatchObject({
      name: 'Ada',
      present: true,
      cameraPublished: true,
      micPublished: true,
      micMuted: false,
      reconnecting: false,
    });
    expect(snapshot['guest-a']!.camera).not.toBeNull();
  });

  it('shows mute, speaking and a dropped guest as reconnecting until they return', async () => {
    const { room, latest } = setup();
    const guest = new FakeParticipant('guest-a', 'Ada', {});
    const mic = guest.publish(Track.Source.Microphone);
    room.join(guest);
    mic.isMuted = true;
    guest.isSpeaking = true;
    room.emit(RoomEvent.TrackMuted, mic, guest);
    expect((await latest())['guest-a']).toMatchObject({ micMuted: true, speaking: true });

    room.leave(guest);
    expect((await latest())['guest-a']).toMatchObject({ present: false, reconnecting: true, microphone: null });
    room.join(guest);
    expect((await latest())['guest-a']).toMatchObject({ present: true, reconnecting: false });
  });

  it('reports each quality change once, skipping unknown, and treats lost as reconnecting', async () => {
    const { room, qualities, latest } = setup();
    const guest = new FakeParticipant('guest-a', 'Ada', {});
    room.join(guest);
    for (const quality of [ConnectionQuality.Unknown, ConnectionQuality.Good, ConnectionQuality.Good, ConnectionQuality.Lost]) {
      guest.connectionQuality = quality;
      room.emit(RoomEvent.ConnectionQualityChanged, quality, guest);
    }
    expect(qualities).toEqual([
      ['guest-a', 'good'],
      ['guest-a', 'lost'],
    ]);
    expect((await latest())['guest-a']).toMatchObject({ quality: 'lost', reconnecting: true });
  });

  it('forgets guests when the room is left, and stops listening after detach', async () => {
    const { tracker, room, latest } = setup();
    const guest = new FakeParticipant('guest-a', 'Ada', {});
    room.join(guest);
    room.remoteParticipants.clear();
    room.emit(RoomEvent.Disconnected);
    expect(await latest()).toEqual({});
    tracker.detach();
    expect(room.listenerCount(RoomEvent.ParticipantConnected)).toBe(0);
  });
});
