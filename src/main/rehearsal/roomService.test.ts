import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './index';

let server: DevServer;
let svc: RoomServiceClient;

beforeAll(async () => {
  server = await startDevServer({ port: 0, keys: { devkey: 'secret' } });
  svc = new RoomServiceClient(server.httpUrl, 'devkey', 'secret');
});
afterAll(async () => {
  await server.close();
});

/** Calls a RoomService method with a hand-made token, bypassing the SDK's own grants. */
async function rawCall(method: string, body: unknown, grant: Record<string, unknown>): Promise<Response> {
  const at = new AccessToken('devkey', 'secret', { ttl: '1m' });
  at.addGrant(grant);
  return fetch(`${server.httpUrl}/twirp/livekit.RoomService/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await at.toJwt()}` },
    body: JSON.stringify(body),
  });
}

async function twirpCode(res: Response): Promise<string> {
  return ((await res.json()) as { code: string }).code;
}

describe('RoomService (Twirp/JSON)', () => {
  it('creates, lists and deletes rooms with the SDK', async () => {
    const created = await svc.createRoom({ name: 'rs1', emptyTimeout: 60, maxParticipants: 5, metadata: 'm' });
    expect(created).toMatchObject({ name: 'rs1', emptyTimeout: 60, maxParticipants: 5, metadata: 'm' });
    expect(created.sid).toMatch(/^RM_/);
    const again = await svc.createRoom({ name: 'rs1' });
    expect(again.sid).toBe(created.sid);
    expect((await svc.listRooms()).map((r) => r.name)).toContain('rs1');
    expect((await svc.listRooms(['rs1'])).map((r) => r.name)).toEqual(['rs1']);
    expect(await svc.listRooms(['nope'])).toEqual([]);
    const updated = await svc.updateRoomMetadata('rs1', 'new');
    expect(updated.metadata).toBe('new');
    expect(await svc.listParticipants('rs1')).toEqual([]);
    await svc.deleteRoom('rs1');
    expect((await svc.listRooms()).map((r) => r.name)).not.toContain('rs1');
  });

  it('reports missing rooms and participants as Twirp not_found errors', async () => {
    await expect(svc.deleteRoom('missing')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'requested room does not exist',
    });
    await svc.createRoom({ name: 'rs2' });
    await expect(svc.getParticipant('rs2', 'ghost')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(svc.removeParticipant('rs2', 'ghost')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('checks grants and answers errors with Content-Type exactly application/json', async () => {
    const denied = await rawCall('ListParticipants', { room: 'rs2' }, { roomList: true, room: 'rs2' });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-type')).toBe('application/json');
    expect(await denied.json()).toMatchObject({ code: 'unauthenticated', msg: 'permissions denied' });
    const otherRoom = await rawCall('ListParticipants', { room: 'rs2' }, { roomAdmin: true, room: 'other' });
    expect(otherRoom.status).toBe(401);
    const noCreate = await rawCall('CreateRoom', { name: 'x' }, { roomList: true });
    expect(noCreate.status).toBe(401);
    const ok = await rawCall('ListParticipants', { room: 'rs2' }, { roomAdmin: true, room: 'rs2' });
    expect([ok.status, await ok.json()]).toEqual([200, {}]);
  });

  it('rejects malformed bodies and unknown methods without crashing', async () => {
    const at = new AccessToken('devkey', 'secret');
    at.addGrant({ roomCreate: true });
    const auth = { Authorization: `Bearer ${await at.toJwt()}`, 'Content-Type': 'application/json' };
    const bad = await fetch(`${server.httpUrl}/twirp/livekit.RoomService/CreateRoom`, { method: 'POST', headers: auth, body: '{nope' });
    expect([bad.status, await twirpCode(bad)]).toEqual([400, 'malformed']);
    const wrongType = await fetch(`${server.httpUrl}/twirp/livekit.RoomService/CreateRoom`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 5, emptyTimeout: 'x' }),
    });
    expect(wrongType.status).toBe(400);
    const unknown = await fetch(`${server.httpUrl}/twirp/livekit.RoomService/Explode`, { method: 'POST', headers: auth, body: '{}' });
    expect([unknown.status, await twirpCode(unknown)]).toEqual([404, 'bad_route']);
    // Still serving.
    expect((await svc.listRooms()).length).toBeGreaterThanOrEqual(0);
  });

  it('validates SendData nonces', async () => {
    await svc.createRoom({ name: 'rs3' });
    const bad = await rawCall('SendData', { room: 'rs3', data: 'aGk=', nonce: 'AAEC' }, { roomAdmin: true, room: 'rs3' });
    expect([bad.status, await twirpCode(bad)]).toEqual([400, 'invalid_argument']);
    await expect(svc.sendData('rs3', new TextEncoder().encode('hi'), 0, { topic: 't' })).resolves.toBeUndefined();
  });
});
