import { describe, expect, it } from 'vitest';
import type { ViewerParticipant, ViewerTrack } from '../livekit/viewerTypes';
import type { ParticipantRole } from '../../../shared/domain/roles';
import { hostView, programTiles, type ProgramVideo } from './programLayout';

function track(source: ViewerTrack['source'], extra: Partial<ViewerTrack> = {}): ViewerTrack {
  const kind = source === 'screen' || source === 'camera' ? 'video' : 'audio';
  return { sid: `TR_${source}`, source, kind, muted: false, subscribed: true, subscription: 1, ...extra };
}

function host(tracks: ViewerTrack[], role: ParticipantRole | null = 'host'): ViewerParticipant {
  return { identity: 'host-1', name: 'Ada', role, tracks };
}

const screen: ProgramVideo = {
  trackSid: 'TR_screen',
  subscription: 1,
  participantIdentity: 'host-1',
  participantName: 'Ada',
  source: 'screen',
};
const camera: ProgramVideo = { ...screen, trackSid: 'TR_camera', source: 'camera' };

describe('hostView', () => {
  it('finds the host by role and ignores everyone else', () => {
    const viewer: ViewerParticipant = { identity: 'viewer-x', name: '', role: null, tracks: [track('camera')] };
    expect(hostView([viewer])).toBeNull();
    expect(hostView([viewer, host([track('screen'), track('camera'), track('microphone')])])).toEqual({
      identity: 'host-1',
      name: 'Ada',
      screen,
      camera,
      mic: 'on',
    });
  });

  it('reports the host microphone as muted or absent', () => {
    expect(hostView([host([track('microphone', { muted: true })])])?.mic).toBe('muted');
    expect(hostView([host([track('screen')])])?.mic).toBe('none');
  });

  it('leaves out videos that are muted (camera off) or not subscribed yet', () => {
    const view = hostView([host([track('screen', { subscribed: false }), track('camera', { muted: true })])]);
    expect(view?.screen).toBeNull();
    expect(view?.camera).toBeNull();
  });

  it('falls back to the identity when the host has no display name', () => {
    expect(hostView([{ ...host([]), name: '' }])?.name).toBe('host-1');
  });
});

describe('programTiles', () => {
  it('puts the screen in the main area and the camera where the layout says', () => {
    expect(programTiles({ main: 'screen', camera: 'pip' }, { screen, camera })).toEqual([
      { video: screen, slot: 'main' },
      { video: camera, slot: 'pip' },
    ]);
    expect(programTiles({ main: 'screen', camera: 'side' }, { screen, camera })).toEqual([
      { video: screen, slot: 'main' },
      { video: camera, slot: 'side' },
    ]);
    expect(programTiles({ main: 'screen', camera: 'hidden' }, { screen, camera })).toEqual([{ video: screen, slot: 'main' }]);
  });

  it('shows only the camera when the host made it the main video', () => {
    expect(programTiles({ main: 'camera', camera: 'pip' }, { screen, camera })).toEqual([{ video: camera, slot: 'main' }]);
  });

  it('fills the stage with whatever video the host has when the wished-for one is missing', () => {
    expect(programTiles({ main: 'screen', camera: 'hidden' }, { screen: null, camera })).toEqual([{ video: camera, slot: 'main' }]);
    expect(programTiles({ main: 'camera', camera: 'hidden' }, { screen, camera: null })).toEqual([{ video: screen, slot: 'main' }]);
  });

  it('has nothing to place without a host or without video', () => {
    expect(programTiles({ main: 'screen', camera: 'pip' }, null)).toEqual([]);
    expect(programTiles({ main: 'screen', camera: 'pip' }, { screen: null, camera: null })).toEqual([]);
  });
});
