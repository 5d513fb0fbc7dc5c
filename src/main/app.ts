import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { ServerStatus } from '../shared/contract/settingsApi';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { EventBus } from './api/eventBus';
import type { Handlers } from './api/types';
import { prepareOwnerOnlyDir } from './db/fileModes';
import { openDatabase, type Database } from './db/openDatabase';
import { PageEventsHub } from './pageEvents/pageEventsHub';
import { createPageEventsSocket, PAGE_EVENTS_GATE } from './pageEvents/pageEventsSocket';
import { closeAbandonedStreams, getStream } from './db/history/streams';
import { createLogger, type Logger } from './logging';
import { startAppServer, type RunningServer } from './server/appServer';
import { ClientAddresses } from './server/clientAddress';
import { ConnectionGate, SocketBudget } from './server/connectionLimits';
import { CONTROL_GATE, createControlSocket } from './server/controlSocket';
import { createHealthRoute } from './server/healthRoute';
import { createPageRoutes } from './server/pageRoutes';
import { SessionRegistry } from './server/sessions';
import { createServerStatus } from './serverStatus';
import type { SecretStore } from './settings/secretStore';
import { createSettingsHandlers } from './settings/settingsHandlers';
import { SettingsService } from './settings/settingsService';
import { createHistoryHandlers } from './analytics/historyHandlers';
import { createChatService } from './moderation/moderatedChat';
import { CHAT_GATE } from './chat/chatLimits';
import { InviteService } from './invites/inviteService';
import { createModeratorHandlers } from './moderation/moderatorAccess';
import { createRoomGateway, type RoomGateway } from './livekit/roomGateway';
import { createGuestRoutes } from './stage/guestRoutes';
import { GuestService } from './stage/guestService';
import { createStageHandlers } from './stage/stageHandlers';
import { StageService } from './stage/stageService';
import { browserCaptureProvider, type CaptureProvider } from './stream/captureProvider';
import { LiveStreamService } from './stream/liveStreamService';
import { deleteAbandonedRooms } from './stream/abandonedRooms';
import { createRecordingHandlers } from './recording/recordingHandlers';
import { createRecordingRoute } from './recording/recordingRoute';
import { RecordingService } from './recording/recordingService';
import { ffmpegPath } from './multistream/ffmpegBinary';
import { createMultistreamHandlers } from './multistream/multistreamHandlers';
import { MultistreamService } from './multistream/multistreamService';
import { createStreamHandlers } from './stream/streamHandlers';
import { createRaiseHandRoute } from './stream/raiseHandRoute';
import { createDiagnosticsHandlers } from './diagnostics/diagnosticsHandlers';
import { createDiagnosticsRoute } from './diagnostics/diagnosticsRoute';
import { createRendererLog } from './diagnostics/rendererLog';
import { createWatchTokenRoute } from './stream/watchTokenRoute';
import { createWebhookRoute } from './stream/webhookRoute';
import { ViewerTickets } from './tokens/viewerTickets';
import { APP_VERSION } from './version';
import { EmbeddedRehearsal } from './rehearsal/embeddedRehearsal';
import { LIVEKIT_WEBHOOK_PATH } from '../shared/contract/httpRoutes';

export interface AppOptions {
  dataDir: string;
  rendererDir: string;
  secretStore: SecretStore;
  /** Overrides the saved bind address / port for this run (CLI flags, tests). */
  bindAddress?: string;
  port?: number;
  desktop: boolean;
  /** Screen/window sources: Electron's in the desktop app, the browser's picker otherwise. */
  capture?: CaptureProvider;
  /** RoomService access; tests may substitute one. */
  rooms?: RoomGateway;
  /** Shows a file in the system file manager (the desktop app's shell). */
  revealFile?: (path: string) => void;
  /**
   * The rehearsal server's worker entry (out/main/rehearsalWorker.js). With it, the app runs its own
   * LiveKit-compatible server whenever the settings hold the defaults and nothing listens there;
   * without it (tests, `--no-local-livekit`) it never does.
   */
  rehearsalWorker?: URL | null;
  /** The app-wide socket ceiling and the owner's reserve; default from the descriptor limit (tests lower it). */
  sockets?: { ceiling: number; ownerReserve: number };
  /** The ffmpeg binary for multistream (default: the packaged one). */
  ffmpeg?: string;
  /** Where log lines go (default stdout/stderr); every line is redacted of the API secret first. */
  logSink?: (level: 'info' | 'warn' | 'error', line: string) => void;
}

export interface App {
  db: Database;
  settings: SettingsService;
  streams: LiveStreamService;
  sessions: SessionRegistry;
  bus: EventBus;
  dispatch: Dispatch;
  server: RunningServer;
  log: Logger;
  /** One-time owner link token for the studio in a browser (headless): printed in the studio URL, spent on first use. */
  ownerLink: string;
  /** An owner session token for clients in this process (tests, benchmarks); never printed or logged. */
  ownerToken: string;
  status(): ServerStatus;
  close(): Promise<void>;
}

/**
 * The composition root shared by the desktop app and the headless studio: opens the database,
 * recovers streams a crash left live, builds the services, and starts the embedded server.
 * Nothing here imports Electron.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const startedAt = Date.now();
  // Before anything is written into it: history, keys and recordings are for this user only.
  prepareOwnerOnlyDir(options.dataDir);
  const db = openDatabase(join(options.dataDir, 'airdeck.sqlite'));
  // The rehearsal server reads the settings and the settings view reports the rehearsal server.
  const rehearsalRef: { current?: EmbeddedRehearsal } = {};
  const settings = new SettingsService(db, options.secretStore, options.dataDir, () => rehearsalRef.current!.status());
  const multistreamRef: { current?: MultistreamService } = {};
  const log = createLogger({
    sink: options.logSink,
    // The dev default ("secret") is public; redacting it would only garble log lines.
    secrets: () => {
      try {
        const stored = options.secretStore.read();
        return [...(stored === null ? [] : [stored]), ...(multistreamRef.current?.keys() ?? [])];
      } catch {
        // Reading the secret fails loudly where it is used; redaction then has nothing to hide.
        return [];
      }
    },
  });
  const recovered = closeAbandonedStreams(db);
  if (recovered.length > 0) log.warn(`Closed ${recovered.length} stream(s) left live by a crash, at their last heartbeat`);
  const abandonedRooms = recovered.flatMap((id) => getStream(db, id)?.roomName ?? []);

  const bus = new EventBus();
  const rehearsal = new EmbeddedRehearsal({
    workerUrl: options.rehearsalWorker ?? null,
    credentials: () => settings.livekitCredentials(),
    webhookUrl: () => `${status().localUrl}${LIVEKIT_WEBHOOK_PATH}`,
    bindAddress: options.bindAddress ?? settings.get().server.bindAddress,
    log,
    onChange: () => bus.emit('settings.changed', settings.view()),
  });
  rehearsalRef.current = rehearsal;
  settings.on('changed', () => void rehearsal.sync());
  const sessions = new SessionRegistry();
  // Every limiter keys on this: the socket peer, or X-Forwarded-For only behind a trusted proxy.
  const addresses = new ClientAddresses(
    () => settings.get().server.trustedProxies,
    (listener) => settings.on('changed', listener),
  );
  settings.on('changed', (view) => bus.emit('settings.changed', view)); // after the services above applied it
  const clientAddress = (req: IncomingMessage): string => addresses.of(req);
  // One ceiling for every socket, below the descriptor limit, with room only the owner may use.
  const socketBudget = options.sockets
    ? new SocketBudget(options.sockets.ceiling, options.sockets.ownerReserve)
    : SocketBudget.forThisProcess();
  const ownerToken = sessions.create('owner', 'host');
  const ownerLink = sessions.openLink('owner', 'host').token;
  const saved = settings.get().server;
  const bindAddress = options.bindAddress ?? saved.bindAddress;
  const port = options.port ?? saved.port;

  const serverRef: { current?: RunningServer } = {};
  const status = createServerStatus({ settings, server: () => serverRef.current, bindAddress, port, startedAt, desktop: options.desktop });

  const publicUrl = () => status().publicUrl;
  const rooms = options.rooms ?? createRoomGateway(() => settings.livekitCredentials());
  const streams = new LiveStreamService({ db, settings, bus, log, rooms, publicUrl });
  const multistream = new MultistreamService({
    db,
    secrets: options.secretStore,
    dataDir: options.dataDir,
    bus,
    log,
    ffmpeg: options.ffmpeg ?? ffmpegPath(),
  });
  multistreamRef.current = multistream;
  // End stream stops every destination even if the studio never finishes its program.
  bus.on('stream.state', ({ live }) => {
    if (live === null) multistream.end();
  });
  const recordings = new RecordingService({
    db,
    dataDir: options.dataDir,
    streams,
    log,
    localUrl: () => status().localUrl,
    reveal: options.revealFile,
    program: multistream,
    keepFile: () => settings.get().studio.recordLocally,
  });
  const interrupted = recordings.recoverAbandoned();
  if (interrupted > 0) log.warn(`Kept ${interrupted} recording(s) a crash interrupted, up to their last written piece`);
  const chat = createChatService({
    db,
    bus,
    settings,
    sessions,
    log,
    publicUrl,
    connections: { gate: new ConnectionGate(socketBudget, CHAT_GATE), clientAddress },
  });
  const stage = new StageService({ db, bus, rooms, streams, queue: chat.moderation, moderators: chat.moderators, log, publicUrl });
  const guests = new GuestService({
    db,
    settings,
    streams,
    stage,
    queue: chat.moderation,
    livekitUrlFor: (host) => rehearsal.urlFor(host),
  });
  const invites = new InviteService({
    db,
    bus,
    moderators: chat.moderators,
    publicUrl,
    liveTitle: () => streams.liveStream()?.stream.title ?? null,
    createGuest: (inviteId, name) => guests.create(inviteId, name),
    removeGuestsOfInvite: (inviteId) => stage.removeInviteGuests(guests.identitiesOfInvite(inviteId)),
  });

  const rendererLog = createRendererLog(log);
  const handlers: Handlers = {
    ...createSettingsHandlers({ settings, serverStatus: status }),
    ...createStreamHandlers({ streams, capture: options.capture ?? browserCaptureProvider, reapplyStage: () => stage.reapply(), log }),
    ...chat.handlers,
    ...createStageHandlers({ invites, stage }),
    ...createHistoryHandlers({ db, beforeDelete: (streamId) => recordings.deleteFilesOfStream(streamId) }),
    ...createRecordingHandlers(recordings),
    ...createModeratorHandlers(chat.moderators),
    ...createMultistreamHandlers(multistream),
    ...createDiagnosticsHandlers(rendererLog),
  };
  const dispatch = createDispatcher(handlers, log);
  const control = createControlSocket({
    sessions,
    dispatch,
    bus,
    log,
    version: APP_VERSION,
    gate: new ConnectionGate(socketBudget, CONTROL_GATE),
    clientAddress,
  });
  const pageEvents = createPageEventsSocket({
    hub: new PageEventsHub({ bus, streams, guestState: (identity) => guests.stateOfIdentity(identity), log }),
    authenticateGuest: (guestToken) => guests.authenticate(guestToken),
    clientAddress,
    gate: new ConnectionGate(socketBudget, PAGE_EVENTS_GATE),
    log,
  });

  const running = await startAppServer({
    bindAddress,
    port,
    log,
    routes: [
      createHealthRoute(APP_VERSION, startedAt),
      ...createPageRoutes({ rendererDir: options.rendererDir, sessions }),
      createWatchTokenRoute({
        settings,
        streams,
        tickets: ViewerTickets.forDataDir(options.dataDir),
        livekitUrlFor: (host) => rehearsal.urlFor(host),
        clientAddress,
      }),
      createRaiseHandRoute({ db, settings, streams, invites, clientAddress }),
      createWebhookRoute({ db, settings, streams, log }),
      ...createGuestRoutes({ invites, guests, log, clientAddress }),
      createRecordingRoute({ recordings }),
      createDiagnosticsRoute({ rendererLog, clientAddress }),
    ],
    upgrades: [control, chat.upgradeRoute, pageEvents],
  });

  serverRef.current = running;
  await rehearsal.sync();
  // Once LiveKit can be reached (the embedded server is up by now); start does not wait for it.
  void deleteAbandonedRooms(rooms, abandonedRooms, log);
  return {
    db,
    settings,
    streams,
    sessions,
    bus,
    dispatch,
    server: running,
    log,
    ownerLink,
    ownerToken,
    status,
    async close() {
      streams.close();
      control.close();
      pageEvents.close();
      await rehearsal.close();
      await recordings.shutdown();
      multistream.shutdown();
      await chat.close();
      await running.close();
      db.close();
    },
  };
}
