import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoomServiceClient, WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './index';

let hookServer: Server;
let server: DevServer;
const events: WebhookEvent[] = [];
const headers: { contentType: string | undefined; authorization: string | undefined }[] = [];
const failures: string[] = [];

beforeAll(async () => {
  const receiver = new WebhookReceiver('devkey', 'secret');
  hookServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      headers.push({ contentType: req.headers['content-type'], authorization: req.headers.authorization });
      receiver
        .receive(Buffer.concat(chunks).toString('utf8'), req.headers.authorization)
        .then((e) => events.push(e))
        .catch((err: Error) => failures.push(err.message))
        .finally(() => res.writeHead(200).end());
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`;
  server = await startDevServer({ port: 0, webhookUrls: [url], emptyTimeoutSec: 1 });
});

afterAll(async () => {
  await server.close();
  await new Promise<void>((r) => hookServer.close(() => r()));
});

describe('webhooks', () => {
  it('signs room_started / room_finished like livekit-server and finishes empty rooms', async () => {
    const svc = new RoomServiceClient(server.httpUrl, 'devkey', 'secret');
    const room = await svc.createRoom({ name: 'hooked' });
    // emptyTimeoutSec 1: the unused room finishes on its own.
    await expect
      .poll(() => events.filter((e) => e.room?.name === 'hooked').map((e) => e.event), { timeout: 5000 })
      .toEqual(['room_started', 'room_finished']);
    expect(events[0]?.room?.sid).toBe(room.sid);
    expect(events[0]?.id).toMatch(/^EV_/);
    expect(failures).toEqual([]);
    expect(headers[0]?.contentType).toBe('application/webhook+json');
    expect(headers[0]?.authorization).not.toMatch(/^Bearer /);
    expect((await svc.listRooms()).map((r) => r.name)).not.toContain('hooked');
  });
});
