import { TrackSource } from '@livekit/protocol';
import { AccessToken, TrackSource as SdkTrackSource, WebhookReceiver } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { parseSources, sha256Base64, signToken, TokenError, verifyToken } from './tokens';

const keys = new Map([['devkey', 'secret']]);

async function sdkToken(secret = 'secret', ttl: number | string = '1h'): Promise<string> {
  const at = new AccessToken('devkey', secret, { identity: 'alice', name: 'Alice', metadata: 'm', attributes: { team: 'red' }, ttl });
  at.addGrant({ roomJoin: true, room: 'r1', canPublish: false, canPublishSources: [SdkTrackSource.CAMERA, SdkTrackSource.SCREEN_SHARE] });
  return at.toJwt();
}

describe('verifyToken', () => {
  it('accepts tokens minted by livekit-server-sdk and exposes their claims', async () => {
    const claims = verifyToken(await sdkToken(), keys);
    expect(claims).toMatchObject({ apiKey: 'devkey', identity: 'alice', name: 'Alice', metadata: 'm', attributes: { team: 'red' } });
    expect(claims.video).toMatchObject({ roomJoin: true, room: 'r1', canPublish: false });
    expect(parseSources(claims.video.canPublishSources)).toEqual([TrackSource.CAMERA, TrackSource.SCREEN_SHARE]);
  });

  it('rejects a wrong secret, an unknown key, an expired token and garbage', async () => {
    expect(() => verifyToken('abc', keys)).toThrow(TokenError);
    const wrongSecret = await sdkToken('other');
    expect(() => verifyToken(wrongSecret, keys)).toThrow(/signature/);
    expect(() => verifyToken(wrongSecret, new Map([['otherkey', 'secret']]))).toThrow(/API key/);
    const expired = await sdkToken('secret', -60);
    expect(() => verifyToken(expired, keys)).toThrow(/expired/);
  });

  it('signs webhook tokens that WebhookReceiver accepts', async () => {
    const body = JSON.stringify({ event: 'room_started', room: { name: 'r' } });
    const token = signToken({ sha256: sha256Base64(body) }, 'devkey', 'secret');
    const event = await new WebhookReceiver('devkey', 'secret').receive(body, token);
    expect(event.event).toBe('room_started');
    await expect(new WebhookReceiver('devkey', 'secret').receive(`${body} `, token)).rejects.toThrow(/sha256/);
  });
});
