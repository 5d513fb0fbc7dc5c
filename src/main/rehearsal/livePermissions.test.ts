import {
  AddTrackRequest,
  ParticipantInfo_Kind,
  ParticipantPermission,
  RequestResponse_Reason,
  SessionDescription,
  SignalRequest,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { RoomServiceClient, TrackSource as SdkTrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Emitter, type EventArgs } from '../../shared/emitter';
import { startDevServer, type DevServer } from './index';
import { Participant } from './participant';
import type { OfferSection } from './sdp';
import type { SignalConnection, SignalEvents, SignalMessage } from './signalConnection';
import { verifyToken } from './tokens';
import type { RtcTransport, TransportEvents } from './transport';

/**
 * UpdateParticipant with a permission changes what a connected participant may publish on the
 * connection it holds, as livekit-server does: the client hears its new permission (and gets a
 * refresh token carrying it), a grant lets the next AddTrackRequest through, and a revoke
 * unpublishes its tracks. Only the wire (signal
 * socket and werift transport) is faked; the room, the participant and the Twirp route are real.
 */

/** The payload of one kind of server frame. */
type ValueOf<C> = Extract<SignalMessage, { case: C }> extends { value: infer V } ? V : never;

/** Records every frame the server sends to the client and lets the test send requests. */
class FakeSignal {
  readonly sent: SignalMessage[] = [];
  private readonly events = new Emitter<SignalEvents>();
  readonly isOpen = true;
  on<E extends keyof SignalEvents>(event: E, listener: (...args: EventArgs<SignalEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }
  send(message: SignalMessage): void {
    this.sent.push(message);
  }
  close(): void {}
  request(message: SignalRequest['message']): void {
    this.events.emit('request', new SignalRequest({ message }));
  }
  of<C extends NonNullable<SignalMessage['case']>>(kind: C): ValueOf<C>[] {
    return this.sent.filter((m) => m.case === kind).map((m) => m.value as unknown as ValueOf<C>);
  }
}

/** The parts of the werift transport a participant touches while publishing, without media. */
function fakeTransport(): { transport: RtcTransport; events: Emitter<TransportEvents> } {
  const sections = new Map<string, OfferSection>();
  const events = new Emitter<TransportEvents>();
  const fake = {
    offerSections: sections,
    on: events.on.bind(events),
    enqueue: <T>(task: () => Promise<T>) => task(),
    answer: async (_sdp: string, beforeAnswer: () => void) => {
      beforeAnswer();
      return 'v=0\r\n';
    },
    transceiverByMid: (mid: string) => ({ mid, receiver: { tracks: [], sendRtcpPLI: async () => undefined } }),
    freePlaceholders: () => [],
    retire: () => undefined,
    addCandidate: async () => undefined,
    sendData: () => true,
    selectedPair: () => '',
    close: async () => undefined,
  };
  return { transport: fake as unknown as RtcTransport, events };
}

const KEYS = new Map([['devkey', 'secret']]);
let server: DevServer;
let svc: RoomServiceClient;

beforeAll(async () => {
  server = await startDevServer({ port: 0, keys: { devkey: 'secret' } });
  svc = new RoomServiceClient(server.httpUrl, 'devkey', 'secret');
});
afterAll(async () => {
  vi.useRealTimers();
  await server.close();
});

function join(roomName: string, identity: string, permission: ParticipantPermission): { p: Participant; signal: FakeSignal } {
  const room = server.rooms.getOrCreate(roomName);
  const signal = new FakeSignal();
  const { transport, events } = fakeTransport();
  const p = new Participant(room, signal as unknown as SignalConnection, transport, {
    identity,
    name: identity,
    metadata: '',
    attributes: {},
    permission,
    kind: ParticipantInfo_Kind.STANDARD,
    autoSubscribe: false,
    clientProtocol: 0,
    capabilities: [],
  });
  room.addParticipant(p);
  events.emit('connectionState', 'connected');
  return { p, signal };
}

const watchOnly = () => new ParticipantPermission({ canSubscribe: true, canPublish: false });
const camera = new AddTrackRequest({
  cid: 'cam-1',
  name: 'camera',
  type: TrackType.VIDEO,
  source: TrackSource.CAMERA,
  width: 320,
  height: 180,
});

describe('UpdateParticipant permissions on a live connection', () => {
  it('grants publishing in place, then a revoke unpublishes the tracks and refuses new ones', async () => {
    const guest = join('perm-live', 'guest', watchOnly());
    const viewer = join('perm-live', 'viewer', watchOnly());
    const sid = guest.p.sid;

    // Waiting: the server refuses to publish.
    guest.signal.request({ case: 'addTrack', value: camera });
    expect(guest.signal.of('requestResponse').map((r) => r.reason)).toEqual([RequestResponse_Reason.NOT_ALLOWED]);

    // Approved: the same participant hears its new permission and may publish.
    await svc.updateParticipant('perm-live', 'guest', {
      permission: { canSubscribe: true, canPublish: true, canPublishSources: [SdkTrackSource.CAMERA, SdkTrackSource.MICROPHONE] },
    });
    const selfUpdates = guest.signal
      .of('update')
      .flatMap((u) => u.participants)
      .filter((i) => i.identity === 'guest');
    expect(selfUpdates.at(-1)?.permission).toMatchObject({
      canPublish: true,
      canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
    });
    expect(selfUpdates.at(-1)?.sid).toBe(sid);
    // As livekit-server does: a token with the new grants, for when the client has to rejoin.
    const granted = verifyToken(guest.signal.of('refreshToken').at(-1)!, KEYS);
    expect([granted.identity, granted.video]).toMatchObject([
      'guest',
      { room: 'perm-live', roomJoin: true, canPublish: true, canPublishSources: ['camera', 'microphone'] },
    ]);

    vi.useFakeTimers({ toFake: ['setTimeout'] });
    guest.signal.request({ case: 'addTrack', value: camera });
    expect(guest.signal.of('trackPublished').map((r) => r.cid)).toEqual(['cam-1']);
    const transport = guest.p.transport;
    transport.offerSections.set('1', { index: 1, kind: 'video', mid: '1', direction: 'sendonly', msidTrackId: 'cam-1', port: 9 });
    guest.signal.request({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp: 'v=0\r\n', id: 2 }) });
    await vi.advanceTimersByTimeAsync(3_000);
    vi.useRealTimers();
    const trackSid = guest.signal.of('trackPublished')[0]!.track!.sid;
    expect((await svc.getParticipant('perm-live', 'guest')).tracks.map((t) => t.sid)).toEqual([trackSid]);
    expect(
      viewer.signal
        .of('update')
        .flatMap((u) => u.participants)
        .some((i) => i.tracks.some((t) => t.sid === trackSid)),
    ).toBe(true);

    // Backstage: the grant goes, the track is unpublished on the client and for everyone else,
    // and the connection stays.
    await svc.updateParticipant('perm-live', 'guest', { permission: { canSubscribe: true } });
    expect(guest.signal.of('trackUnpublished').map((t) => t.trackSid)).toEqual([trackSid]);
    const last = viewer.signal
      .of('update')
      .flatMap((u) => u.participants)
      .filter((i) => i.identity === 'guest')
      .at(-1);
    expect(last?.tracks).toEqual([]);
    expect(last?.permission?.canPublish).toBe(false);
    const after = await svc.getParticipant('perm-live', 'guest');
    expect([after.sid, after.tracks, after.permission?.canPublish]).toEqual([sid, [], false]);
    expect(guest.p.closed).toBe(false);
    expect(verifyToken(guest.signal.of('refreshToken').at(-1)!, KEYS).video).toMatchObject({ canPublish: false, canSubscribe: true });

    guest.signal.request({ case: 'addTrack', value: new AddTrackRequest({ ...camera, cid: 'cam-2' }) });
    expect(guest.signal.of('requestResponse').map((r) => r.reason)).toEqual([
      RequestResponse_Reason.NOT_ALLOWED,
      RequestResponse_Reason.NOT_ALLOWED,
    ]);
  });
});
