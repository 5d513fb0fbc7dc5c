import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import type { Logger } from '../logging';
import { ModerationService } from '../moderation/moderationService';
import { ModeratorAccess } from '../moderation/moderatorAccess';
import type { UpgradeRoute } from '../server/routes';
import type { SessionRegistry } from '../server/sessions';
import type { LivekitCredentials } from '../settings/settingsService';
import { clientAddressOf, type ClientAddressOf } from '../server/clientAddress';
import { ConnectionGate, DEFAULT_FRAME_BUDGET, SocketBudget, type FrameBudgetOptions } from '../server/connectionLimits';
import { CHAT_GATE, createChatSocket } from './chatSocket';
import { createChatHandlers, liveStreamId, type ChatHandlers } from './handlers';
import { ChatHub } from './hub';
import { RulesStore } from './rulesStore';
import { ChatSender } from './sender';
import { BatchWriter } from './writer';

export interface ChatServiceDeps {
  db: Database;
  bus: EventBus;
  /** Only `livekitCredentials()` is used: chat tokens are verified with the API secret. */
  settings: { livekitCredentials(): LivekitCredentials };
  sessions: SessionRegistry;
  log: Logger;
  now?: () => number;
  /** Base URL for moderator links, e.g. `() => status().publicUrl`. */
  publicUrl: () => string;
  /**
   * The app's shared socket limits and client address function; without them chat gets the
   * product's caps on a budget of its own and trusts no proxy (test and benchmark servers).
   */
  connections?: { gate: ConnectionGate; clientAddress: ClientAddressOf };
  /** Test and benchmark knobs; the defaults are the product's. */
  tuning?: {
    heartbeatMs?: number;
    maxBufferedBytes?: number;
    writeDelayMs?: number;
    reactionIntervalMs?: number;
    frameBudget?: FrameBudgetOptions;
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
  /** Moderator sessions: granted, listed, revoked, expiring. */
  moderators: ModeratorAccess;
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
  const moderators = new ModeratorAccess({
    sessions: deps.sessions,
    bus,
    record: (entry) => moderation.record(entry),
    liveStreamId: () => liveStreamId(db),
    now,
  });
  const stopRules = rules.onChange((next) => bus.emit('rules.changed', next));
  const socket = createChatSocket({
    hub,
    sender,
    moderation,
    log,
    heartbeatMs: tuning.heartbeatMs,
    gate: deps.connections?.gate ?? new ConnectionGate(SocketBudget.forThisProcess(), CHAT_GATE),
    clientAddress: deps.connections?.clientAddress ?? ((req) => clientAddressOf(req, new Set())),
    frameBudget: tuning.frameBudget ?? DEFAULT_FRAME_BUDGET,
    auth: { db, sessions: deps.sessions, credentials: () => deps.settings.livekitCredentials() },
  });
  const handlers = createChatHandlers({ db, hub, sender, moderation, moderators, rules, publicUrl: deps.publicUrl, now });
  return {
    upgradeRoute: socket,
    handlers,
    hub,
    sender,
    moderation,
    moderators,
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
