import { DataPacket, DataPacket_Kind, ParticipantInfo_State, ParticipantPermission, SendDataRequest, UserPacket } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { channelOfKind, kindOfChannel, routeDataPacket, serverDataPacket } from './dataPackets';
import type { RoomMember } from './roomContracts';

/** The fields of a member data routing reads, and what it delivered to it. */
interface FakeMember {
  member: RoomMember;
  received: DataPacket[];
}

function member(identity: string, options: { canPublishData?: boolean; hidden?: boolean } = {}): FakeMember {
  const received: DataPacket[] = [];
  const fake = {
    sid: `PA_${identity}`,
    identity,
    hidden: options.hidden ?? false,
    closed: false,
    state: ParticipantInfo_State.ACTIVE,
    permission: new ParticipantPermission({ canPublishData: options.canPublishData ?? true }),
    lastReliableSeq: 0,
    deliverData: (_kind: DataPacket_Kind, bytes: Uint8Array) => received.push(DataPacket.fromBinary(bytes)),
  };
  return { member: fake as unknown as RoomMember, received };
}

function userPacket(text: string, fields: { sequence?: number; destinationIdentities?: string[] } = {}): DataPacket {
  return new DataPacket({
    sequence: fields.sequence ?? 0,
    destinationIdentities: fields.destinationIdentities ?? [],
    participantIdentity: 'forged',
    value: { case: 'user', value: new UserPacket({ payload: new TextEncoder().encode(text) }) },
  });
}

describe('data packet routing', () => {
  it('stamps the sender, honours destinations and never echoes', () => {
    const [alice, bob, carol] = [member('alice'), member('bob'), member('carol')];
    const all = [alice.member, bob.member, carol.member];
    routeDataPacket(all, alice.member, userPacket('to all'), DataPacket_Kind.RELIABLE);
    routeDataPacket(all, alice.member, userPacket('to bob', { destinationIdentities: ['bob'] }), DataPacket_Kind.LOSSY);
    expect(alice.received).toEqual([]);
    expect(bob.received.map((p) => [p.participantIdentity, p.participantSid, p.kind])).toEqual([
      ['alice', 'PA_alice', DataPacket_Kind.RELIABLE],
      ['alice', 'PA_alice', DataPacket_Kind.LOSSY],
    ]);
    expect(carol.received).toHaveLength(1);
  });

  it('drops reliable duplicates and everything from a sender without the data grant', () => {
    const [alice, bob, mute] = [member('alice'), member('bob'), member('mute', { canPublishData: false })];
    const all = [alice.member, bob.member, mute.member];
    routeDataPacket(all, alice.member, userPacket('one', { sequence: 1 }), DataPacket_Kind.RELIABLE);
    routeDataPacket(all, alice.member, userPacket('again', { sequence: 1 }), DataPacket_Kind.RELIABLE);
    routeDataPacket(all, mute.member, userPacket('forbidden'), DataPacket_Kind.RELIABLE);
    expect(bob.received).toHaveLength(1);
  });

  it('hides a hidden sender and sends server data without a sender', () => {
    const [ghost, bob] = [member('ghost', { hidden: true }), member('bob')];
    routeDataPacket([ghost.member, bob.member], ghost.member, userPacket('boo'), DataPacket_Kind.RELIABLE);
    const fromServer = serverDataPacket(new SendDataRequest({ data: new TextEncoder().encode('hi'), destinationIdentities: ['bob'] }));
    routeDataPacket([ghost.member, bob.member], undefined, fromServer, fromServer.kind);
    expect(bob.received.map((p) => p.participantIdentity)).toEqual(['', '']);
    expect(ghost.received).toEqual([]);
  });

  it('maps the two data channels to packet kinds and back', () => {
    expect([kindOfChannel('_reliable'), kindOfChannel('_lossy'), kindOfChannel('_data_track')]).toEqual([
      DataPacket_Kind.RELIABLE,
      DataPacket_Kind.LOSSY,
      undefined,
    ]);
    expect([channelOfKind(DataPacket_Kind.RELIABLE), channelOfKind(DataPacket_Kind.LOSSY)]).toEqual(['_reliable', '_lossy']);
  });
});
