/**
 * One chat server for the benchmark, in its own process: `chatBenchServer.ts <kind>`.
 * Talks to the orchestrator over IPC: `ready` with its port, then CPU and peak RSS between a
 * `mark` and a `report`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { startChatServer } from '../support/chat/server';
import {
  BENCH_ROOM,
  cpuPercent,
  isAirdeck,
  optionalImport,
  type ParentToServer,
  type ServerKind,
  type ServerToParent,
} from './chatBenchShared';

const kind = process.argv[2] as ServerKind;
const tell = (message: ServerToParent) => process.send?.(message);

interface SocketIoModule {
  Server: new (
    server: unknown,
    options: Record<string, unknown>,
  ) => {
    on(
      event: 'connection',
      listener: (socket: { join(room: string): void; on(event: string, l: (msg: unknown) => void): void }) => void,
    ): void;
    to(room: string): { emit(event: string, payload: unknown): void };
    close(): void;
  };
}

async function start(): Promise<number | null> {
  if (isAirdeck(kind)) {
    const dir = mkdtempSync(join(tmpdir(), 'airdeck-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    const server = await startChatServer({
      dbFile: join(dir, 'bench.sqlite'),
      roomName: BENCH_ROOM,
      rules: { rateLimit: { messages: 1000, perSeconds: 10 }, repeatedText: 'off', links: 'allow' },
      // Every bench client comes from loopback; the product's per-address caps would refuse most.
      loadHarness: true,
      tuning: { synchronous: kind === 'airdeck' ? 'full' : 'normal' },
    });
    return server.port;
  }
  const http = createServer((_req, res) => res.writeHead(404).end());
  if (kind === 'rawws') {
    // The floor: every incoming message is written as-is to every socket, nothing else.
    const wss = new WebSocketServer({ server: http, maxPayload: 16 * 1024 });
    wss.on('connection', (socket: WebSocket) => {
      socket.on('message', (data: Buffer) => {
        const text = data.toString();
        for (const client of wss.clients) client.send(text);
      });
    });
  } else {
    const socketIo = await optionalImport<SocketIoModule>('socket.io');
    if (!socketIo) {
      tell({ type: 'skipped', reason: 'socket.io is not installed' });
      return null;
    }
    const io = new socketIo.Server(http, { transports: ['websocket'], serveClient: false });
    io.on('connection', (socket) => {
      socket.join(BENCH_ROOM);
      socket.on('chat', (message) => io.to(BENCH_ROOM).emit('chat', message));
    });
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return (http.address() as AddressInfo).port;
}

let mark = { cpu: process.cpuUsage(), at: performance.now() };
let maxRss = 0;
const rssTimer = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 250);
rssTimer.unref();

process.on('message', (message: ParentToServer) => {
  if (message.type === 'mark') {
    mark = { cpu: process.cpuUsage(), at: performance.now() };
    maxRss = process.memoryUsage().rss;
  } else {
    maxRss = Math.max(maxRss, process.memoryUsage().rss);
    tell({ type: 'stats', stats: { cpuPercent: cpuPercent(mark.cpu, mark.at), maxRssMb: maxRss / 1024 / 1024 } });
  }
});
process.on('disconnect', () => process.exit(0));

const port = await start();
if (port !== null) tell({ type: 'ready', port });
