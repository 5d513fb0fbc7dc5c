import { describe, expect, it } from 'vitest';
import type { CreatedInvite, Invite, StageState } from '../../../shared/domain/stage';
import { fail, ok } from '../../../shared/result';
import { createTestStudio } from '../testSupport/testStudioStore';
import { stageSlots } from './selectors/stage';

const onStage: StageState = {
  guests: [
    { identity: 'guest-a', name: 'Ana', state: 'stage', slot: 2 },
    { identity: 'guest-b', name: 'Bo', state: 'backstage', slot: null },
  ],
  spotlight: null,
};
const invite = (id: string, status: Invite['status'] = 'active') => ({ id, status }) as Invite;

describe('stage slice', () => {
  it('loads the stage and places guests in their slots', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('stage.get', onStage);
    await store.getState().loadStage();
    expect(store.getState().stage).toEqual(onStage);
    expect(stageSlots(onStage).map((g) => g?.identity ?? null)).toEqual([null, null, 'guest-a', null]);
  });

  it('moves a guest with its buttons busy meanwhile, then clears the notice', async () => {
    const { client, store } = createTestStudio();
    let busyDuringCall = false;
    client.answer('stage.move', () => {
      busyDuringCall = store.getState().stageBusy['guest-b'] === true;
      return ok(onStage);
    });
    store.setState({ stageNotice: { kind: 'error', text: 'old' } });
    await store.getState().moveGuest('guest-b', 'stage', 1);
    expect(client.paramsOf('stage.move')).toEqual([{ identity: 'guest-b', to: 'stage', slot: 1 }]);
    expect(busyDuringCall).toBe(true);
    expect(store.getState()).toMatchObject({ stage: onStage, stageNotice: null, stageBusy: {} });
  });

  it('turns a refused control into the notice', async () => {
    const { client, store } = createTestStudio();
    client.answer('stage.kick', fail('not_found', 'No such guest'));
    expect(await store.getState().kickGuest('guest-x')).toBe(false);
    expect(store.getState()).toMatchObject({ stageNotice: { kind: 'error', text: 'No such guest' }, stageBusy: {} });
  });

  it('says so when a mute found nothing to mute', async () => {
    const { client, store } = createTestStudio();
    store.getState().applyStage(onStage);
    client.answerOk('stage.mute', { muted: false });
    await store.getState().muteGuest('guest-a', 'video');
    expect(store.getState().stageNotice).toEqual({ kind: 'info', text: 'Ana has no camera on, or it is already muted.' });
  });

  it('keeps the console link of a promoted guest', async () => {
    const { client, store } = createTestStudio();
    store.getState().applyStage(onStage);
    client.answerOk('stage.promote', { consoleUrl: 'http://x/console' });
    await store.getState().promoteGuest('guest-a');
    expect(store.getState().promoted).toEqual({ name: 'Ana', consoleUrl: 'http://x/console' });
    store.getState().dismissStageNotice();
    expect(store.getState().promoted).toBeNull();
  });

  it('reports guest quality only while a stream is live', () => {
    const { client, store } = createTestStudio();
    store.getState().reportGuestQuality('guest-a', 'poor');
    expect(client.calls).toEqual([]);
    store.setState({ livePhase: 'live' });
    store.getState().reportGuestQuality('guest-a', 'poor');
    expect(client.paramsOf('stage.reportQuality')).toEqual([{ identity: 'guest-a', quality: 'poor' }]);
  });

  it('creates an invite first in the list, or shows why not', async () => {
    const { client, store } = createTestStudio();
    store.getState().applyInvites([invite('i1')]);
    const created: CreatedInvite = { invite: invite('i2'), link: 'http://x/join/i2' };
    client.answer('invites.create', ok(created));
    const draft = { role: 'guest' as const, label: 'Ana', expiresInMinutes: 60, maxUses: 1 };
    expect(await store.getState().createInvite(draft)).toBe(true);
    expect(client.paramsOf('invites.create')).toEqual([draft]);
    expect(store.getState().invites.map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(store.getState().createdInvite).toBe(created);
    client.answer('invites.create', fail('bad_request', 'Too many'));
    expect(await store.getState().createInvite(draft)).toBe(false);
    expect(store.getState().stageNotice).toEqual({ kind: 'error', text: 'Too many' });
  });

  it('revokes an invite in place and closing the dialog forgets the created one', async () => {
    const { client, store } = createTestStudio();
    client.answerOk('invites.list', [invite('i1')]);
    await store.getState().loadInvites();
    client.answerOk('invites.revoke', invite('i1', 'revoked'));
    await store.getState().revokeInvite('i1');
    expect(store.getState().invites[0]?.status).toBe('revoked');
    store.setState({ createdInvite: { invite: invite('i1'), link: 'l' }, invitesOpen: true });
    store.getState().setInvitesOpen(false);
    expect(store.getState()).toMatchObject({ invitesOpen: false, createdInvite: null });
  });
});
