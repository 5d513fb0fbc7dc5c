import { describe, expect, it } from 'vitest';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import { stageSeats } from './stageTiles';

const ada: ViewerParticipant = {
  identity: 'guest-ada',
  name: 'Ada',
  role: 'stage_guest',
  tracks: [
    { sid: 'TR_cam', source: 'camera', kind: 'video', muted: false, subscribed: true, subscription: 1 },
    { sid: 'TR_mic', source: 'microphone', kind: 'audio', muted: true, subscribed: true, subscription: 1 },
  ],
};

describe('stageSeats', () => {
  it('fills seats from metadata and joins the subscribed camera', () => {
    const seats = stageSeats(
      { slots: [null, { identity: 'guest-ada', name: 'Ada L.' }, { identity: 'guest-me', name: 'Me' }, null], spotlight: null },
      [ada],
      'guest-me',
    );
    expect(seats).toEqual([
      {
        slot: 1,
        identity: 'guest-ada',
        name: 'Ada L.',
        self: false,
        video: { trackSid: 'TR_cam', subscription: 1, participantIdentity: 'guest-ada', participantName: 'Ada L.', source: 'camera' },
        micMuted: true,
        spotlit: false,
      },
      { slot: 2, identity: 'guest-me', name: 'Me', self: true, video: null, micMuted: true, spotlit: false },
    ]);
  });

  it('keeps a seat without video when the camera is muted or missing', () => {
    const camOff: ViewerParticipant = { ...ada, tracks: ada.tracks.map((t) => (t.source === 'camera' ? { ...t, muted: true } : t)) };
    const [seat] = stageSeats({ slots: [{ identity: 'guest-ada', name: '' }, null, null, null], spotlight: null }, [camOff], null);
    expect(seat).toMatchObject({ name: 'Ada', video: null });
    expect(stageSeats(undefined, [ada], null)).toEqual([]);
  });

  it('marks the guest in the spotlight', () => {
    const seats = stageSeats(
      { slots: [{ identity: 'guest-ada', name: 'Ada' }, { identity: 'guest-bo', name: 'Bo' }, null, null], spotlight: 'guest-bo' },
      [ada],
      null,
    );
    expect(seats.map((seat) => [seat.name, seat.spotlit])).toEqual([
      ['Ada', false],
      ['Bo', true],
    ]);
  });
});
