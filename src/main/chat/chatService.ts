import type { EventBus } from '../api/eventBus';
import type { Database } from '../db/openDatabase';
import type { Logger } from '../logging';
import type { UpgradeRoute } from '../server/routes';
import type { SessionRegistry } from '../server/sessions';
import type { LivekitCredentials } from '../settings/settingsService';
import { clientAddressOf, type ClientAddressOf } from '../server/clientAddress';
import { ConnectionGate, DEFAULT_FRAME_BUDGET, SocketBudget, type FrameBudgetOptions } from '../server/connectionLimits';
import { CHAT_GATE, WRITE_DELAY_MS } from './chatLimits';
import { createChatSocket } from './chatSocket';
import { createChatHandlers, type ChatOwnHandlers } from './handlers';
import { ChatHub } from './hub';
import { createModerationPort } from './moderationAdapter';
import type { ChatModerationPort, ChatModerator } from './moderationPort';
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

export interface Chat<M extends ChatModerator> {
  /** Mount on the embedded server: `upgrades: [control, chat.upgradeRoute]`. */
  upgradeRoute: UpgradeRoute;
  /** Chat's own studio API methods, to spread into the handler map with moderation's. */
  handlers: ChatOwnHandlers;
  hub: ChatHub;
  sender: ChatSender;
  /** What `moderate` built from chat's port. */
  moderation: M;
  rules: RulesStore;
  /**
   * Commits pending writes, lets their acks and broadcasts go out, then closes every chat client
   * with 1001 and stops timers. Await it before closing the database.
   */
  close(): Promise<void>;
}

/**
 * Builds chat from the app's shared collaborators. Moderation is built by `moderate` from the port
 * chat offers it, so chat hands moderator frames to it without knowing what it is.
 */
export function createChat<M extends ChatModerator>(deps: ChatServiceDeps, moderate: (chat: ChatModerationPort) => M): Chat<M> {
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
    delayMs: tuning.writeDelayMs ?? WRITE_DELAY_MS,
    afterBatch: () => hub.flush(),
    synchronous: tuning.synchronous,
  });
  const sender = new ChatSender({ db, bus, hub, writer, rules, now });
  const moderation = moderate(createModerationPort({ db, hub, sender, writer }));
  const stopRules = rules.on('changed', (next) => bus.emit('rules.changed', next));
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
  const handlers = createChatHandlers({ db, hub, sender, moderation, rules, now });
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
