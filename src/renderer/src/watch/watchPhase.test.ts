import { describe, expect, it } from 'vitest';
import { nextPhase, type WatchEvent, type WatchPhase } from './watchPhase';

function run(events: WatchEvent[], from: WatchPhase = { kind: 'checking' }): WatchPhase {
  return events.reduce(nextPhase, from);
}

describe('nextPhase', () => {
  it('waits calmly while nothing is live, then connects and goes live', () => {
    expect(run([{ type: 'token.waiting' }])).toEqual({ kind: 'waiting' });
    expect(run([{ type: 'token.waiting' }, { type: 'token.waiting' }, { type: 'token.live' }])).toEqual({ kind: 'connecting' });
    expect(run([{ type: 'token.live' }, { type: 'room.connected' }])).toEqual({ kind: 'live' });
  });

  it('shows reconnecting while LiveKit recovers, and live again after', () => {
    const live: WatchPhase = { kind: 'live' };
    expect(run([{ type: 'room.reconnecting' }], live)).toEqual({ kind: 'reconnecting' });
    expect(run([{ type: 'room.reconnecting' }, { type: 'room.reconnected' }], live)).toEqual({ kind: 'live' });
  });

  it('ends (not reconnecting) when the host deletes the room', () => {
    expect(run([{ type: 'room.disconnected', reason: 'room_deleted' }], { kind: 'live' })).toEqual({ kind: 'ended', reason: 'host_ended' });
    expect(run([{ type: 'room.disconnected', reason: 'room_deleted' }], { kind: 'reconnecting' })).toEqual({
      kind: 'ended',
      reason: 'host_ended',
    });
  });

  it('names removal and a duplicate session as their own endings', () => {
    expect(run([{ type: 'room.disconnected', reason: 'removed' }], { kind: 'live' })).toEqual({ kind: 'ended', reason: 'removed' });
    expect(run([{ type: 'room.disconnected', reason: 'duplicate_identity' }], { kind: 'live' })).toEqual({
      kind: 'ended',
      reason: 'elsewhere',
    });
  });

  it('treats a lost room as reconnecting, and "nothing live" afterwards as ended', () => {
    const lost = run([{ type: 'room.disconnected', reason: 'lost' }], { kind: 'live' });
    expect(lost).toEqual({ kind: 'reconnecting' });
    expect(nextPhase(lost, { type: 'token.live' })).toEqual({ kind: 'reconnecting' });
    expect(nextPhase(lost, { type: 'token.failed', message: 'down' })).toEqual({ kind: 'reconnecting' });
    expect(nextPhase(lost, { type: 'token.waiting' })).toEqual({ kind: 'ended', reason: 'host_ended' });
  });

  it('keeps a first connection that fails in "connecting" rather than claiming a reconnect', () => {
    expect(run([{ type: 'token.live' }, { type: 'room.disconnected', reason: 'lost' }])).toEqual({ kind: 'connecting' });
    expect(run([{ type: 'token.live' }, { type: 'room.reconnecting' }])).toEqual({ kind: 'connecting' });
  });

  it('reports an unreachable server without leaving a room it still has', () => {
    expect(run([{ type: 'token.failed', message: 'offline' }])).toEqual({ kind: 'unavailable', message: 'offline' });
    expect(run([{ type: 'token.failed', message: 'offline' }, { type: 'token.waiting' }])).toEqual({ kind: 'waiting' });
  });

  it('stays ended whatever arrives late, until the viewer restarts', () => {
    const ended: WatchPhase = { kind: 'ended', reason: 'host_ended' };
    for (const event of [
      { type: 'token.live' },
      { type: 'room.connected' },
      { type: 'room.reconnecting' },
      { type: 'token.waiting' },
    ] as WatchEvent[]) {
      expect(nextPhase(ended, event)).toBe(ended);
    }
    expect(nextPhase(ended, { type: 'restart' })).toEqual({ kind: 'checking' });
  });

  it('a pushed "ended" ends a stream the page had or was joining, and leaves a waiting page waiting', () => {
    for (const kind of ['live', 'reconnecting', 'connecting'] as const) {
      expect(nextPhase({ kind }, { type: 'stream.ended' })).toEqual({ kind: 'ended', reason: 'host_ended' });
    }
    expect(nextPhase({ kind: 'waiting' }, { type: 'stream.ended' })).toEqual({ kind: 'waiting' });
    expect(nextPhase({ kind: 'checking' }, { type: 'stream.ended' })).toEqual({ kind: 'waiting' });
  });
});
