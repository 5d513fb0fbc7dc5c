import { gzipSync } from 'node:zlib';
import {
  ClientInfo,
  ClientInfo_SDK,
  ConnectionSettings,
  DisconnectReason,
  JoinRequest,
  LeaveRequest_Action,
  Ping,
  SignalRequest,
  SignalResponse,
  WrappedJoinRequest,
  WrappedJoinRequest_Compression,
} from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startDevServer, type DevServer } from './index';

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ port: 0, keys: ['devkey:secret'] });
});
afterAll(async () => {
  await server.close();
});

async function token(identity: string, room = 'signal', secret = 'secret', grant: Record<string, unknown> = {}): Promise<string> {
  const at = new AccessToken('devkey', secret, { identity });
  at.addGrant({ roomJoin: true, room, ...grant });
  return at.toJwt();
}

/** What livekit-client puts in `join_request` (gzip-wrapped JoinRequest, base64url). */
function joinRequestParam(): string {
  const join = new JoinRequest({
    clientInfo: new ClientInfo({ sdk: ClientInfo_SDK.JS, version: '2.23.0', protocol: 17, clientProtocol: 2 }),
    connectionSettings: new ConnectionSettings({ autoSubscribe: true }),
  });
  const wrapped = new WrappedJoinRequest({
    compression: WrappedJoinRequest_Compression.GZIP,
    joinRequest: gzipSync(join.toBinary()),
  });
  return Buffer.from(wrapped.toBinary()).toString('base64url');
}

/** Opens a signal socket and collects decoded responses. */
async function openSignal(t: string): Promise<{ ws: WebSocket; messages: SignalResponse[]; next: (c: string) => Promise<SignalResponse> }> {
  const ws = new WebSocket(`${server.url}/rtc/v1?access_token=${t}&join_request=${joinRequestParam()}`);
  const messages: SignalResponse[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data: Buffer) => {
    messages.push(SignalResponse.fromBinary(data));
    for (const w of waiters.splice(0)) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = (c: string): Promise<SignalResponse> =>
    new Promise((resolve) => {
      const check = (): void => {
        const found = messages.find((m) => m.message.case === c);
        if (found) resolve(found);
        else waiters.push(check);
      };
      check();
    });
  return { ws, messages, next };
}

describe('HTTP endpoints', () => {
  it('answers HEAD / with 200', async () => {
    const res = await fetch(server.httpUrl, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('validates tokens on /rtc/v1/validate like livekit-server', async () => {
    const ok = await fetch(`${server.httpUrl}/rtc/v1/validate?access_token=${await token('a')}&join_request=${joinRequestParam()}`);
    expect([ok.status, await ok.text()]).toEqual([200, 'success']);
    const bad = await fetch(`${server.httpUrl}/rtc/v1/validate?access_token=${await token('a', 'signal', 'nope')}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).toMatch(/signature/);
    const noJoin = await fetch(
      `${server.httpUrl}/rtc/v1/validate?access_token=${await token('a', 'signal', 'secret', { roomJoin: false })}`,
    );
    expect(noJoin.status).toBe(401);
    const missing = await fetch(`${server.httpUrl}/rtc/v1/validate`);
    expect(missing.status).toBe(401);
    const garbage = await fetch(`${server.httpUrl}/rtc/v1/validate?access_token=${await token('a')}&join_request=%25%25`);
    expect(garbage.status).toBe(400);
    const notProto = Buffer.from([0xff, 0xff, 0xff, 0xff]).toString('base64url');
    const garbageProto = await fetch(`${server.httpUrl}/rtc/v1/validate?access_token=${await token('a')}&join_request=${notProto}`);
    expect(garbageProto.status).toBe(400);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('does not serve the two-connection /rtc endpoint', async () => {
    expect((await fetch(`${server.httpUrl}/rtc/validate?access_token=${await token('a')}`)).status).toBe(404);
  });

  it('refuses the WebSocket upgrade with 401 and a text body for a bad token', async () => {
    const ws = new WebSocket(`${server.url}/rtc/v1?access_token=${await token('a', 'signal', 'nope')}`);
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });
});

describe('signal connection', () => {
  it('sends JoinResponse first, with the fields livekit-client needs', async () => {
    const { ws, messages, next } = await openSignal(await token('alice'));
    const first = await next('join');
    expect(messages[0]).toBe(first);
    if (first.message.case !== 'join') throw new Error('unreachable');
    const join = first.message.value;
    expect(join.serverInfo?.version).toBe('1.13.5');
    expect(join.serverVersion).toBe('1.13.5');
    expect([join.pingInterval, join.pingTimeout]).toEqual([5, 15]);
    expect(join.participant?.identity).toBe('alice');
    expect(join.participant?.sid).toMatch(/^PA_/);
    expect(join.participant?.permission?.canPublish).toBe(true);
    expect(join.participant?.clientProtocol).toBe(2);
    expect(join.room?.sid).toMatch(/^RM_/);
    expect(join.subscriberPrimary).toBe(false);
    expect(join.clientConfiguration?.resumeConnection).toBe(1);
    expect(join.enabledPublishCodecs[0]?.mime).toBe('video/VP8');

    ws.send(new SignalRequest({ message: { case: 'ping', value: 123n } }).toBinary());
    ws.send(new SignalRequest({ message: { case: 'pingReq', value: new Ping({ timestamp: 456n }) } }).toBinary());
    const pongResp = await next('pongResp');
    await next('pong');
    if (pongResp.message.case !== 'pongResp') throw new Error('unreachable');
    expect(pongResp.message.value.lastPingTimestamp).toBe(456n);

    // Garbage frames are dropped without closing the connection.
    ws.send(Buffer.from([0xff, 0xff, 0xff]));
    ws.send(new SignalRequest({ message: { case: 'pingReq', value: new Ping({ timestamp: 789n }) } }).toBinary());
    await expect.poll(() => messages.filter((m) => m.message.case === 'pongResp').length).toBe(2);
    ws.close();
  });

  it('replaces a participant that joins again with the same identity', async () => {
    const first = await openSignal(await token('dup'));
    await first.next('join');
    const closed = new Promise<void>((r) => first.ws.once('close', () => r()));
    const second = await openSignal(await token('dup'));
    await second.next('join');
    const leave = await first.next('leave');
    if (leave.message.case !== 'leave') throw new Error('unreachable');
    expect(leave.message.value.reason).toBe(DisconnectReason.DUPLICATE_IDENTITY);
    expect(leave.message.value.action).toBe(LeaveRequest_Action.DISCONNECT);
    await closed;
    second.ws.close();
  });
});
