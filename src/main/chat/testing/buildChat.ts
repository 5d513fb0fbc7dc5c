import type { ChatRulesUpdate } from '../../../shared/domain/chat';
import { EventBus } from '../../api/eventBus';
import { ChatHub } from '../hub';
import { createModerationPort } from '../moderationAdapter';
import { RulesStore } from '../rulesStore';
import { ChatSender } from '../sender';
import { BatchWriter } from '../writer';
import { FakeSocket } from './fakeSocket';
import { freshDb, manualClock, memoryLogger, recordEvents } from './fixtures';

/**
 * The chat services wired by hand on an in-memory database, as the unit tests use them; `port` is
 * what moderation is given, for tests that moderate.
 */
export function buildChat(options: { rules?: ChatRulesUpdate; maxBatch?: number; delayMs?: number } = {}) {
  const { db, streamId, roomName } = freshDb();
  const clock = manualClock();
  const bus = new EventBus();
  const events = recordEvents(bus);
  const log = memoryLogger();
  const rules = new RulesStore(db);
  if (options.rules) rules.update(options.rules);
  const hub = new ChatHub({ db, bus, log, now: clock.now, rules });
  // Wired as in createChat: a batch's broadcast leaves as it commits.
  const writer = new BatchWriter(db, { delayMs: options.delayMs ?? 2, maxBatch: options.maxBatch, afterBatch: () => hub.flush() });
  const sender = new ChatSender({ db, bus, hub, writer, rules, now: clock.now });
  const port = createModerationPort({ db, hub, sender, writer });
  const join = (identity: string, role: 'viewer' | 'guest' | 'moderator' | 'host' = 'viewer', since: number | null = null) => {
    const socket = new FakeSocket();
    const peer = hub.join(streamId, { identity, name: identity.toUpperCase(), role }, identity, socket, since);
    return { socket, peer };
  };
  const close = () => {
    writer.close();
    hub.close();
    sender.close();
    db.close();
  };
  return { db, streamId, roomName, clock, bus, events, log, writer, rules, hub, sender, port, join, close };
}
