import { describe, expect, it } from 'vitest';
import type { ModeratorSession } from '../../../shared/contract/moderatorsApi';
import { fail } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';

const ana = { id: 'm1', name: 'Ana' } as ModeratorSession;
const bo = { id: 'm2', name: 'Bo' } as ModeratorSession;

describe('moderator access slice', () => {
  it('loads the sessions, or keeps the error', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('moderators.list', { sessions: [ana, bo] });
    await store.getState().loadModeratorSessions();
    expect(store.getState().moderatorSessions).toEqual([ana, bo]);
    client.answer('moderators.list', fail('forbidden', 'no'));
    await store.getState().loadModeratorSessions();
    expect(store.getState().moderatorSessionsError).toMatchObject({ code: 'forbidden' });
  });

  it('revokes a session, drops it and says so', async () => {
    const { client, store } = createTestStudio();
    store.getState().applyModeratorSessions([ana, bo]);
    client.answerOk('moderators.revoke', { revoked: ana });
    expect(await store.getState().revokeModeratorSession(ana)).toBe(true);
    expect(client.paramsOf('moderators.revoke')).toEqual([{ sessionId: 'm1' }]);
    expect(store.getState().moderatorSessions).toEqual([bo]);
    expect(store.getState().announcement?.text).toBe('Ana can no longer moderate.');
  });

  it('keeps the session when revoking fails and says why', async () => {
    const { client, store } = createTestStudio();
    store.getState().applyModeratorSessions([ana]);
    client.answer('moderators.revoke', fail('not_found', 'gone'));
    expect(await store.getState().revokeModeratorSession(ana)).toBe(false);
    expect(store.getState().moderatorSessions).toEqual([ana]);
    expect(store.getState().announcement?.text).toBe('Could not revoke Ana: gone');
  });
});
