import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sendResult } from './http';
import { publicJsonRoute } from './publicJsonRoute';

const PATH = '/api/probe';
const MAX_BODY_BYTES = 64;

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

/** Serves one route built by `publicJsonRoute` that echoes the parsed name back. */
async function serve(burst: number): Promise<string> {
  const route = publicJsonRoute({
    path: PATH,
    schema: z.object({ name: z.string().min(1) }).strict(),
    maxBodyBytes: MAX_BODY_BYTES,
    perAddress: { burst, perSecond: 0.001 },
    clientAddress: () => 'one-address',
    handle: (body, _req, res) => sendResult(res, { ok: true, value: { hello: body.name } }),
  });
  server = createServer((req, res) => void route.handle(req, res, new URL(req.url ?? '/', 'http://local')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`;
}

const post = (url: string, body: string) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('publicJsonRoute', () => {
  it('hands a valid body to the route', async () => {
    const got = await post(await serve(5), JSON.stringify({ name: 'Ana' }));
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ ok: true, value: { hello: 'Ana' } });
  });

  it('refuses bodies that fail the schema, are not JSON, or are too large, before the route sees them', async () => {
    const url = await serve(5);
    expect((await post(url, JSON.stringify({ name: '' }))).status).toBe(400);
    expect((await post(url, '{not json')).status).toBe(400);
    expect((await post(url, JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }))).status).toBe(413);
  });

  it('limits each address before reading the body', async () => {
    const url = await serve(1);
    expect((await post(url, JSON.stringify({ name: 'Ana' }))).status).toBe(200);
    // An oversize, malformed body: read first, it would be 413; limited first, it is 429.
    const limited = await post(url, `{"name":"${'x'.repeat(MAX_BODY_BYTES)}`);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
