import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessToken } from 'livekit-server-sdk';
import { WebSocket } from 'ws';
import type { ServerChatFrame } from '../../../src/shared/contract/chatFrames';
import type { ChatRulesUpdate } from '../../../src/shared/domain/chat';
import { EventBus } from '../../../src/main/api/eventBus';
import { createChatService, type ChatService } from '../../../src/main/moderation/moderatedChat';
import { openDatabase, type Database } from '../../../src/main/db/openDatabase';
import { createStream, getStreamByRoomName } from '../../../src/main/db/history/streams';
import { ConnectionGate, SocketBudget } from '../../../src/main/server/connectionLimits';
import { SessionRegistry } from '../../../src/main/server/sessions';
import { memoryLogger } from '../../../src/main/chat/testing/fixtures';

export const API_KEY = 'devkey';
export const API_SECRET = 'secret';
/** Long enough for any test, short enough that a leaked token is useless. */
const TOKEN_TTL_SECONDS = 600;

export interface TestChatServer {
  db: Database;
  chat: ChatService;
  bus: EventBus;
  sessions: SessionRegistry;
  port: number;
  streamId: string;
  roomName: string;
  url(query: Record<string, string>): string;
  close(): Promise<void>;
}

/** No socket caps and no frame budget: for load harnesses whose many clients share one address. */
function unlimited(): NonNullable<Parameters<typeof createChatService>[0]['connections']> {
  const many = 1_000_000;
  return {
    gate: new ConnectionGate(new SocketBudget(many, 0), {
      maxPerAddress: many,
      maxPerIdentity: many,
      upgradeBurst: many,
      upgradesPerSecond: many,
    }),
    clientAddress: (req) => req.socket.remoteAddress ?? 'unknown',
  };
}

/**
 * The chat service on a real HTTP server on loopback, with one live stream. `loadHarness` lifts
 * the connection caps and frame budget, which would otherwise stop a flood from one address.
 */
export async function startChatServer(
  options: {
    dbFile?: string;
    rules?: ChatRulesUpdate;
    roomName?: string;
    tuning?: Parameters<typeof createChatService>[0]['tuning'];
    loadHarness?: boolean;
  } = {},
): Promise<TestChatServer> {
  const db = openDatabase(options.dbFile ?? ':memory:');
  const roomName = options.roomName ?? 'room-1';
  const stream =
    getStreamByRoomName(db, roomName) ??
    createStream(db, { id: `stream-${roomName}`, roomName, title: 'Test', tags: [], mode: 'screen_guests', startedAt: Date.now() });
  const bus = new EventBus();
  const sessions = new SessionRegistry();
  let port = 0;
  const chat = createChatService({
    db,
    bus,
    sessions,
    log: memoryLogger(),
    settings: { livekitCredentials: () => ({ url: 'ws://127.0.0.1:7880', apiKey: API_KEY, apiSecret: API_SECRET }) },
    publicUrl: () => `http://127.0.0.1:${port}`,
    tuning: options.loadHarness
      ? { frameBudget: { burst: 1_000_000, perSecond: 1_000_000, maxRefused: 0 }, ...options.tuning }
      : options.tuning,
    connections: options.loadHarness ? unlimited() : undefined,
  });
  if (options.rules) chat.rules.update(options.rules);
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== chat.upgradeRoute.path) return void socket.destroy();
    void chat.upgradeRoute.handle(req, socket, head, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    db,
    chat,
    bus,
    sessions,
    port,
    streamId: stream.id,
    roomName,
    url: (query) => `ws://127.0.0.1:${port}/chat?${new URLSearchParams(query).toString()}`,
    async close() {
      await chat.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

/** A LiveKit token as the app mints them (role in the `airdeck.role` attribute). */
export async function mintChatToken(room: string, identity: string, role = 'viewer', secret = API_SECRET): Promise<string> {
  const token = new AccessToken(API_KEY, secret, {
    identity,
    name: `Name ${identity}`,
    ttl: TOKEN_TTL_SECONDS,
    attributes: { 'airdeck.role': role },
  });
  token.addGrant({ room, roomJoin: true, canSubscribe: true });
  return token.toJwt();
}

/** A real `ws` client that records frames and lets a test wait for one. */
export class TestClient {
  readonly frames: ServerChatFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private waiters: { test: (f: ServerChatFrame) => boolean; resolve: (f: ServerChatFrame) => void }[] = [];
  private nextRef = 1;

  constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.opened = new Promise((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    ws.on('message', (data: Buffer) => {
      const parsed = JSON.parse(data.toString()) as ServerChatFrame | ServerChatFrame[];
      for (const frame of Array.isArray(parsed) ? parsed : [parsed]) {
        this.frames.push(frame);
        this.waiters = this.waiters.filter((w) => (w.test(frame) ? (w.resolve(frame), false) : true));
      }
    });
  }

  static async connect(url: string, headers?: Record<string, string>): Promise<TestClient> {
    const client = new TestClient(new WebSocket(url, { headers }));
    await client.opened;
    return client;
  }

  /** Connects and waits for the welcome. */
  static async join(url: string): Promise<TestClient> {
    const client = await TestClient.connect(url);
    await client.next('welcome');
    return client;
  }

  next<T extends ServerChatFrame['type']>(type: T, match: (f: Extract<ServerChatFrame, { type: T }>) => boolean = () => true) {
    const test = (f: ServerChatFrame) => f.type === type && match(f as Extract<ServerChatFrame, { type: T }>);
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen as Extract<ServerChatFrame, { type: T }>);
    return new Promise<Extract<ServerChatFrame, { type: T }>>((resolve) =>
      this.waiters.push({ test, resolve: resolve as (f: ServerChatFrame) => void }),
    );
  }

  of<T extends ServerChatFrame['type']>(type: T): Extract<ServerChatFrame, { type: T }>[] {
    return this.frames.filter((f) => f.type === type) as Extract<ServerChatFrame, { type: T }>[];
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Sends a frame with a fresh ref and waits for the answer to it (ack, done or error). */
  async request(frame: Record<string, unknown>): Promise<ServerChatFrame> {
    const ref = `t${this.nextRef++}`;
    this.ws.send(JSON.stringify({ ...frame, ref }));
    return Promise.race([
      this.next('ack', (f) => f.ref === ref),
      this.next('done', (f) => f.ref === ref),
      this.next('error', (f) => f.ref === ref),
    ]);
  }

  close(): void {
    this.ws.close();
  }
}
