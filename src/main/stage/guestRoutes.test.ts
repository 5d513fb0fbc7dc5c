import { afterEach, describe, expect, it } from 'vitest';
import { GUEST_REQUEST_PATH, GUEST_WITHDRAW_PATH } from '../../shared/contract/httpRoutes';
import { AppFailure } from '../../shared/result';
import { ChatFailure } from '../chat/chatFailure';
import type { InviteService } from '../invites/inviteService';
import { createLogger } from '../logging';
import { startAppServer, type RunningServer } from '../server/appServer';
import { createGuestRoutes } from './guestRoutes';
import type { GuestService } from './guestService';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The guest routes over a real server, with a guest service that fails the way the queue does. */
async function serve(failure: Error): Promise<{ post: (path: string) => Promise<{ status: number; body: unknown }>; errors: string[] }> {
  const errors: string[] = [];
  const guests = {
    request: () => {
      throw failure;
    },
    withdraw: () => Promise.reject(failure),
  } as unknown as GuestService;
  const log = createLogger({ sink: (level, line) => void (level === 'error' && errors.push(line)) });
  server = await startAppServer({
    bindAddress: '127.0.0.1',
    port: 0,
    log,
    upgrades: [],
    routes: createGuestRoutes({ invites: {} as InviteService, guests, log, clientAddress: (req) => req.socket.remoteAddress ?? 'unknown' }),
  });
  const base = server.localUrl;
  return {
    errors,
    post: async (path) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          guestToken: 'g'.repeat(30),
          ...(path === GUEST_REQUEST_PATH ? { devices: { camera: true, microphone: true } } : {}),
        }),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

describe('guest routes', () => {
  it('answer a moderation-queue failure with its contract code, not internal', async () => {
    const { post, errors } = await serve(new ChatFailure('stream_ended', 'The stream has ended'));
    expect(await post(GUEST_REQUEST_PATH)).toEqual({
      status: 409,
      body: { ok: false, error: { code: 'conflict', message: 'The stream has ended' } },
    });
    expect(await post(GUEST_WITHDRAW_PATH)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(errors).toEqual([]);
  });

  it('keep AppFailure codes, and hide unexpected errors behind internal', async () => {
    const known = await serve(new AppFailure('unauthorized', 'This guest session is not valid.'));
    expect(await known.post(GUEST_REQUEST_PATH)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    await server?.close();
    const unexpected = await serve(new Error('disk on fire'));
    expect(await unexpected.post(GUEST_REQUEST_PATH)).toMatchObject({
      status: 500,
      body: { error: { code: 'internal', message: 'Something went wrong; try again' } },
    });
    expect(unexpected.errors.length).toBe(1);
  });
});
