/**
 * Data packets: the two data channels they travel on, and livekit-server's forwarding rules
 * (sender stamped, never trusted from the client; destinations honoured; never echoed back).
 */
import { DataPacket, DataPacket_Kind, ParticipantInfo_State, type SendDataRequest, UserPacket } from '@livekit/protocol';
import type { RoomMember } from './roomContracts';

const RELIABLE_LABEL = '_reliable';
const LOSSY_LABEL = '_lossy';

/** The kind of packet a data channel carries, or undefined for channels that carry no DataPackets. */
export function kindOfChannel(label: string): DataPacket_Kind | undefined {
  if (label === LOSSY_LABEL) return DataPacket_Kind.LOSSY;
  if (label === RELIABLE_LABEL) return DataPacket_Kind.RELIABLE;
  return undefined;
}

export function channelOfKind(kind: DataPacket_Kind): string {
  return kind === DataPacket_Kind.LOSSY ? LOSSY_LABEL : RELIABLE_LABEL;
}

/** The packet RoomService SendData asks to deliver. */
export function serverDataPacket(req: SendDataRequest): DataPacket {
  const kind = req.kind === DataPacket_Kind.LOSSY ? DataPacket_Kind.LOSSY : DataPacket_Kind.RELIABLE;
  return new DataPacket({
    kind,
    destinationIdentities: [...req.destinationIdentities],
    value: {
      case: 'user',
      value: new UserPacket({
        payload: req.data,
        topic: req.topic,
        destinationSids: [...req.destinationSids],
        destinationIdentities: [...req.destinationIdentities],
        nonce: req.nonce,
      }),
    },
  });
}

/** Stamps the sender on the packet; false when it may not send or the packet is a reliable duplicate. */
function stampSender(sender: RoomMember, dp: DataPacket, kind: DataPacket_Kind): boolean {
  if (!sender.permission.canPublishData) return false;
  if (kind === DataPacket_Kind.RELIABLE && dp.sequence > 0) {
    if (dp.sequence <= sender.lastReliableSeq) return false;
    sender.lastReliableSeq = dp.sequence;
  }
  dp.participantSid = sender.sid;
  dp.participantIdentity = sender.hidden ? '' : sender.identity;
  return true;
}

/**
 * Forwards a DataPacket to the room's participants. `sender` is undefined for server-originated
 * data (RoomService SendData).
 */
export function routeDataPacket(
  participants: Iterable<RoomMember>,
  sender: RoomMember | undefined,
  dp: DataPacket,
  kind: DataPacket_Kind,
): void {
  if (sender && !stampSender(sender, dp, kind)) return;
  dp.kind = kind;
  let destSids: string[] = [];
  if (dp.value.case === 'user') {
    const user = dp.value.value;
    if (sender) {
      user.participantIdentity = dp.participantIdentity;
      user.participantSid = sender.sid;
    }
    if (dp.destinationIdentities.length === 0 && user.destinationIdentities.length > 0) {
      dp.destinationIdentities = [...user.destinationIdentities];
    } else if (user.destinationIdentities.length === 0) {
      user.destinationIdentities = [...dp.destinationIdentities];
    }
    destSids = user.destinationSids;
  }
  const identities = dp.destinationIdentities;
  const filtered = identities.length > 0 || destSids.length > 0;
  const bytes = dp.toBinary();
  for (const p of participants) {
    if (p === sender || p.closed || p.state === ParticipantInfo_State.DISCONNECTED) continue;
    if (filtered && !identities.includes(p.identity) && !destSids.includes(p.sid)) continue;
    p.deliverData(kind, bytes);
  }
}
