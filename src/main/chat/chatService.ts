import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import type { Logger } from '../logging';
import { ModerationService } from '../moderation/moderationService';
import type { UpgradeRoute } from '../server/routes';
import type { SessionRegistry } from '../server/sessions';
import type { LivekitCredentials } from '../settings/settingsService';
import { createChatSocket } from './chatSocket';
import { createChatHandlers, type ChatHandlers } from './handlers';
import { ChatHub } from './hub';
import { RulesStore } from './rulesStore';
import { ChatSender } from './sender';
import { BatchWriter } from './writer';

export interface ChatServiceDeps {
  db: Database;
  bus: EventBus;
  /** Only `livekitCredentials()` is used: chat tokens are verified with the API secret. */
  settings: { livekitCredentials(): LivekitCredentials };
  sessions: Pick<SessionRegistry, 'create' | 'verify'>;
  log: Logger;
  now?: () => number;
  /** Base URL for moderator links, e.g. `() => status().publicUrl`. */
  publicUrl: () => string;
  /** Test and benchmark knobs; the defaults are the product's. */
  tuning?: {
    heartbeatMs?: number;
    maxBufferedBytes?: number;
    writeDelayMs?: number;
    reactionIntervalMs?: number;
    /** The chat commit's sync level (FULL unless a benchmark compares it with NORMAL). */
    synchronous?: 'full' | 'normal';
  };
}

export interface ChatService {
  /** Mount on the embedded server: `upgrades: [control, chat.upgradeRoute]`. */
  upgradeRoute: UpgradeRoute;
  /** Spread into the studio API handler map. */
  handlers: ChatHandlers;
  hub: ChatHub;
  sender: ChatSender;
  moderation: ModerationService;
  rules: RulesStore;
  /**
   * Commits pending writes, lets their acks and broadcasts go out, then closes every chat client
   * with 1001 and stops timers. Await it before closing the database.
   */
  close(): Promise<void>;
}

/** Builds chat and moderation from the app's shared collaborators (composition root helper). */
export function createChatService(deps: ChatServiceDeps): ChatService {
  const now = deps.now ?? Date.now;
  const tuning = deps.tuning ?? {};
  const { db, bus, log } = deps;
  const rules = new RulesStore(db);
  const hub = new ChatHub({
    db,
    bus,
    log,
    now,
    rules,
    maxBufferedBytes: tuning.maxBufferedBytes,
    reactionIntervalMs: tuning.reactionIntervalMs,
  });
  // A batch's broadcast leaves as soon as it commits: under a burst, waiting for a later turn of
  // the event loop let hundreds of acks and several more commits go first.
  const writer = new BatchWriter(db, {
    delayMs: tuning.writeDelayMs ?? 10,
    afterBatch: () => hub.flush(),
    synchronous: tuning.synchronous,
  });
  const sender = new ChatSender({ db, bus, hub, writer, rules, now });
  const moderation = new ModerationService({ db, bus, hub, sender, writer, now });
  const stopRules = rules.onChange((next) => bus.emit('rules.changed', next));
  const socket = createChatSocket({
    hub,
    sender,
    moderation,
    log,
    heartbeatMs: tuning.heartbeatMs,
    auth: { db, sessions: deps.sessions, credentials: () => deps.settings.livekitCredentials() },
  });
  const handlers = createChatHandlers({ db, hub, sender, moderation, rules, sessions: deps.sessions, publicUrl: deps.publicUrl, now });
  return {
    upgradeRoute: socket,
    handlers,
    hub,
    sender,
    moderation,
    rules,
    async close() {
      stopRules();
      writer.close();
      // Acks and broadcasts of the last batch run as promise continuations; let them go first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      hub.close();
      socket.close();
      sender.close();
    },
  };
}
