import { describe, expect, it } from 'vitest';
import { planConnection, shouldPublish, type HeldConnection } from './connectionPlan';

const ticket = (canPublish: boolean, roomName = 'room-1') => ({ url: 'ws://lk', token: 't', roomName, canPublish });
const none: HeldConnection = { connected: false, canPublish: null, roomName: null, removedWhile: null };
const watching: HeldConnection = { connected: true, canPublish: false, roomName: 'room-1', removedWhile: null };
const publishing: HeldConnection = { connected: true, canPublish: true, roomName: 'room-1', removedWhile: null };

describe('planConnection', () => {
  it('connects when a token arrives and stays when the grant matches', () => {
    expect(planConnection({ state: 'joined', livekit: ticket(false) }, none)).toBe('connect');
    expect(planConnection({ state: 'requested', livekit: ticket(false) }, watching)).toBe('keep');
    expect(planConnection({ state: 'stage', livekit: ticket(true) }, publishing)).toBe('keep');
  });

  it('keeps the connection when only the publish grant changes (the server changes it in place)', () => {
    expect(planConnection({ state: 'stage', livekit: ticket(true) }, watching)).toBe('keep');
    expect(planConnection({ state: 'backstage', livekit: ticket(false) }, publishing)).toBe('keep');
  });

  it('reconnects only when the room changes', () => {
    expect(planConnection({ state: 'joined', livekit: ticket(false, 'room-2') }, watching)).toBe('connect');
  });

  it('leaves when there is no token or the guest was removed', () => {
    expect(planConnection({ state: 'waiting_for_stream', livekit: null }, watching)).toBe('disconnect');
    expect(planConnection({ state: 'removed', livekit: ticket(false) }, watching)).toBe('disconnect');
    expect(planConnection({ state: 'removed', livekit: null }, none)).toBe('keep');
  });

  it('stays out after the server removed us until the session state moves on', () => {
    const kicked: HeldConnection = { ...none, removedWhile: 'stage' };
    expect(planConnection({ state: 'stage', livekit: ticket(true) }, kicked)).toBe('keep');
    expect(planConnection({ state: 'joined', livekit: ticket(false) }, kicked)).toBe('connect');
  });
});

describe('shouldPublish', () => {
  it('publishes only on stage once the server granted publishing to the connection', () => {
    expect(shouldPublish({ state: 'stage', livekit: ticket(true) }, publishing)).toBe(true);
    expect(shouldPublish({ state: 'stage', livekit: ticket(true) }, watching)).toBe(false);
    expect(shouldPublish({ state: 'backstage', livekit: ticket(false) }, watching)).toBe(false);
    expect(shouldPublish({ state: 'backstage', livekit: ticket(true) }, publishing)).toBe(false);
  });
});
