import { describe, expect, it } from 'vitest';
import type { GuestMedia } from '../../livekit/hostStageTypes';
import { tileView } from './guestTileState';

const track = {} as MediaStreamTrack;
const base: GuestMedia = {
  identity: 'guest-a',
  name: 'Ada',
  present: true,
  camera: track,
  microphone: track,
  cameraPublished: true,
  micPublished: true,
  cameraMuted: false,
  micMuted: false,
  speaking: true,
  quality: 'good',
  reconnecting: false,
};

describe('tileView', () => {
  it('shows the video with mic on and a speaking ring for a connected guest', () => {
    expect(tileView(base)).toMatchObject({
      overlay: 'none',
      overlayText: null,
      micState: 'on',
      cameraState: 'on',
      speaking: true,
      quality: 'good',
    });
  });

  it('says joining for a roster guest the room has not shown yet', () => {
    expect(tileView(undefined)).toMatchObject({
      overlay: 'joining',
      micState: 'none',
      cameraState: 'none',
      speaking: false,
      quality: 'unknown',
    });
  });

  it('says reconnecting when the guest dropped out or lost the link', () => {
    expect(tileView({ ...base, present: false, reconnecting: true }).overlayText).toBe('Reconnecting…');
    expect(tileView({ ...base, quality: 'lost', reconnecting: true }).overlay).toBe('reconnecting');
  });

  it('shows a muted mic without a speaking ring, and camera off over the video', () => {
    const view = tileView({ ...base, micMuted: true, cameraMuted: true });
    expect(view).toMatchObject({ micState: 'muted', cameraState: 'off', overlay: 'camera_off', speaking: false });
  });

  it('tells apart no camera published from a camera not received yet', () => {
    expect(tileView({ ...base, cameraPublished: false, camera: null }).overlay).toBe('no_camera');
    expect(tileView({ ...base, camera: null }).overlay).toBe('joining');
  });
});
