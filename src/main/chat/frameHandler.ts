import {
  CLIENT_CHAT_FRAME_TYPES,
  ClientChatFrameSchema,
  MODERATOR_FRAME_TYPES,
  type ClientChatFrame,
} from '../../shared/contract/chatFrames';
import { assertNever } from '../../shared/result';
import { canModerate } from '../../shared/domain/chat';
import { roleOfChatRole, type Actor } from '../../shared/domain/roles';
import { describeZodError } from '../../shared/zodIssues';
import type { Logger } from '../logging';
import { ChatFailure } from './chatFailure';
import { MAX_REF_LENGTH, QUOTED_TYPE_LENGTH } from './chatLimits';
import { sendNow, type ChatHub } from './hub';
import type { ChatModerator } from './moderationPort';
import type { ChatPeer } from './room';
import type { ChatSender } from './sender';

export interface FrameHandlerDeps {
  hub: ChatHub;
  sender: ChatSender;
  moderation: ChatModerator;
  log: Logger;
}

/** A frame that could not be read, with its `ref` when one could be picked out. */
export class UnreadableFrame extends ChatFailure {
  ref?: string;
}

function fail(code: 'bad_request' | 'unknown_type', message: string, json?: unknown): UnreadableFrame {
  const failure = new UnreadableFrame(code, message);
  const ref = typeof json === 'object' && json !== null ? (json as { ref?: unknown }).ref : undefined;
  if (typeof ref === 'string' && ref.length > 0 && ref.length <= MAX_REF_LENGTH) failure.ref = ref;
  return failure;
}

/** Reads one client frame: anything unreadable is an error frame, and the connection stays up. */
export function parseClientFrame(data: Buffer, isBinary: boolean): ClientChatFrame | UnreadableFrame {
  if (isBinary) return fail('bad_request', 'Frames must be JSON text');
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    return fail('bad_request', 'Frame is not valid JSON');
  }
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && !(CLIENT_CHAT_FRAME_TYPES as readonly string[]).includes(type)) {
    return fail('unknown_type', `Unknown frame type: ${type.slice(0, QUOTED_TYPE_LENGTH)}`, json);
  }
  const parsed = ClientChatFrameSchema.safeParse(json);
  return parsed.success ? parsed.data : fail('bad_request', `Malformed frame: ${describeZodError(parsed.error)}`, json);
}

/** Handles one frame from a connected client and answers it (ack, done or error). */
export async function handleClientFrame(deps: FrameHandlerDeps, peer: ChatPeer, data: Buffer, isBinary: boolean): Promise<void> {
  const frame = parseClientFrame(data, isBinary);
  if (frame instanceof UnreadableFrame) {
    sendNow(peer.socket, { type: 'error', ref: frame.ref, code: frame.code, message: frame.message });
    return;
  }
  try {
    if (MODERATOR_FRAME_TYPES.has(frame.type) && !canModerate(peer.who.role)) {
      throw new ChatFailure('forbidden', 'Only moderators can do that');
    }
    await run(deps, peer, frame);
  } catch (error) {
    if (error instanceof ChatFailure) {
      sendNow(peer.socket, {
        type: 'error',
        ref: frame.ref,
        code: error.code,
        message: error.message,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: Math.max(0, Math.ceil(error.retryAfterMs)) }),
      });
      return;
    }
    deps.log.error(`chat: ${frame.type} failed`, error);
    sendNow(peer.socket, { type: 'error', ref: frame.ref, code: 'internal', message: 'Something went wrong; try again' });
  }
}

async function run(deps: FrameHandlerDeps, peer: ChatPeer, frame: ClientChatFrame): Promise<void> {
  const { streamId, actor } = peer;
  // The role the peer's verified token or session gave it; moderation checks it against the target.
  const by: Actor = { actor, role: roleOfChatRole(peer.who.role) };
  const done = () => sendNow(peer.socket, { type: 'done', ref: frame.ref });
  switch (frame.type) {
    case 'send': {
      const outcome = await deps.sender.send(streamId, peer.who, frame.text, frame.id);
      sendNow(peer.socket, { type: 'ack', ref: frame.ref, ...outcome });
      return;
    }
    case 'react':
      deps.hub.react(peer, frame.reaction);
      return;
    case 'report':
      deps.moderation.report(streamId, frame.messageId, peer.who, frame.reason ?? '');
      return done();
    case 'delete':
      await deps.moderation.deleteMessage(frame.messageId, actor, frame.reason);
      return done();
    case 'pin':
      deps.moderation.pin(streamId, frame.messageId, actor);
      return done();
    case 'highlight':
      deps.moderation.highlight(streamId, frame.messageId, actor);
      return done();
    case 'timeout':
      await deps.moderation.timeout(streamId, frame.identity, frame.minutes, by, frame.reason);
      return done();
    case 'ban':
      await deps.moderation.ban(streamId, frame.identity, frame.scope, by, frame.reason);
      return done();
    case 'unban':
      await deps.moderation.unban(streamId, frame.identity, actor, frame.reason);
      return done();
    case 'approve':
    case 'reject': {
      const item = deps.moderation.itemOf(frame.itemId);
      if (!item || item.streamId !== streamId) throw new ChatFailure('not_found', 'No such queue item');
      await deps.moderation.decide(frame.itemId, frame.type, actor, frame.type === 'reject' ? frame.reason : undefined);
      return done();
    }
    default:
      assertNever(frame);
  }
}
