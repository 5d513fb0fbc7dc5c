import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { ROLE_ATTRIBUTE, type ParticipantRole } from '../../shared/domain/roles';
import { mintToken, TOKEN_TTL_SECONDS } from './livekitTokens';

const credentials = { url: 'ws://127.0.0.1:7880', apiKey: 'devkey', apiSecret: 'test-secret-value' };

function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function claimsFor(role: ParticipantRole) {
  const jwt = await mintToken(credentials, role, { room: 'studio-1', identity: `${role}-1`, name: 'Ana' });
  return { jwt, payload: decodePayload(jwt) };
}

describe('LiveKit tokens', () => {
  it.each(Object.keys(TOKEN_TTL_SECONDS) as ParticipantRole[])('%s token is signed, scoped to the room, and short-lived', async (role) => {
    const { jwt, payload } = await claimsFor(role);
    const verified = await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(jwt);
    expect(verified.video?.room).toBe('studio-1');
    expect(verified.video?.roomJoin).toBe(true);
    expect(payload.sub).toBe(`${role}-1`);
    expect((payload.attributes as Record<string, string>)[ROLE_ATTRIBUTE]).toBe(role);
    const ttl = (payload.exp as number) - (payload.nbf as number);
    expect(ttl).toBe(TOKEN_TTL_SECONDS[role]);
    expect(ttl).toBeLessThanOrEqual(role === 'host' ? 3600 : 1800);
  });

  it('viewers and waiting guests can only join and subscribe', async () => {
    for (const role of ['viewer', 'waiting_guest'] as const) {
      const video = (await claimsFor(role)).payload.video as Record<string, unknown>;
      expect(video).toMatchObject({ canSubscribe: true, canPublish: false, canPublishData: false, canUpdateOwnMetadata: false });
      expect(video.roomAdmin).toBeUndefined();
      expect(video.roomCreate).toBeUndefined();
    }
  });

  it('stage guests publish camera and microphone only, with TTL at most 10 minutes', async () => {
    const { payload } = await claimsFor('stage_guest');
    expect(payload.video).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone'], canPublishData: false });
    expect((payload.exp as number) - (payload.nbf as number)).toBeLessThanOrEqual(600);
  });

  it('the host publishes screen, screen audio, camera and microphone but gets no admin grant', async () => {
    const video = (await claimsFor('host')).payload.video as Record<string, unknown>;
    expect(video.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
    expect(video.roomAdmin).toBeUndefined();
  });

  it('moderators watch hidden and cannot publish', async () => {
    expect((await claimsFor('moderator')).payload.video).toMatchObject({ hidden: true, canPublish: false, canSubscribe: true });
  });

  it('a token signed with another secret does not verify', async () => {
    const { jwt } = await claimsFor('viewer');
    await expect(new TokenVerifier(credentials.apiKey, 'another-secret').verify(jwt)).rejects.toThrow();
  });
});
