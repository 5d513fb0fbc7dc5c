import { describe, expect, it } from 'vitest';
import { fitRect, programScene, type SceneInput } from './programScene';

const track = (id: string) => ({ id }) as MediaStreamTrack;
const base: SceneInput = {
  width: 1280,
  height: 720,
  layout: { main: 'screen', camera: 'pip' },
  hostName: 'Show',
  screen: track('screen'),
  camera: track('camera'),
  guests: [],
};

describe('the recorded program', () => {
  it('puts the screen full frame with the camera as a corner pip', () => {
    const items = programScene(base);
    expect(items.map((i) => i.key)).toEqual(['screen', 'camera']);
    expect(items[0]!.rect).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    const pip = items[1]!.rect;
    expect(pip.x + pip.width).toBeLessThan(1280);
    expect(pip.y + pip.height).toBeLessThan(720);
    expect(pip.width).toBeLessThan(400);
  });

  it('follows the layout: camera beside the screen, or the camera alone as main', () => {
    expect(programScene({ ...base, layout: { main: 'screen', camera: 'side' } }).map((i) => [i.key, i.rect.x > 0])).toEqual([
      ['screen', false],
      ['camera', true],
    ]);
    expect(programScene({ ...base, layout: { main: 'camera', camera: 'hidden' } }).map((i) => i.key)).toEqual(['camera']);
    // Camera off: the screen fills the frame.
    expect(programScene({ ...base, camera: null }).map((i) => i.key)).toEqual(['screen']);
  });

  it('draws a name card when nothing has a picture (voice only)', () => {
    expect(programScene({ ...base, screen: null, camera: null })).toEqual([
      { key: 'host-card', track: null, rect: { x: 0, y: 0, width: 1280, height: 720 }, fit: 'cover', label: 'Show' },
    ]);
  });

  it('adds stage guests in a row under the program, in slot order, named', () => {
    const items = programScene({
      ...base,
      guests: [
        { identity: 'g1', name: 'Ada', camera: track('c1') },
        { identity: 'g2', name: 'Bo', camera: null },
      ],
    });
    const guests = items.filter((i) => i.key.startsWith('guest:'));
    expect(guests.map((g) => g.label)).toEqual(['Ada', 'Bo']);
    expect(guests[0]!.rect.x).toBeLessThan(guests[1]!.rect.x);
    expect(guests[0]!.rect.y + guests[0]!.rect.height).toBe(720);
    // Two guests sit in the middle of the row.
    const left = guests[0]!.rect.x;
    const right = 1280 - (guests[1]!.rect.x + guests[1]!.rect.width);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
    expect(items[0]!.rect.height).toBeLessThan(720 - guests[0]!.rect.height);
  });
});

describe('fitting a video into a tile', () => {
  it('contains a wide screen in a tall box with bars above and below', () => {
    expect(fitRect({ width: 1920, height: 1080 }, { x: 0, y: 0, width: 400, height: 400 }, 'contain').target).toEqual({
      x: 0,
      y: 87.5,
      width: 400,
      height: 225,
    });
  });

  it('covers a box by cropping the middle of the source', () => {
    expect(fitRect({ width: 1920, height: 1080 }, { x: 10, y: 10, width: 100, height: 100 }, 'cover')).toEqual({
      source: { x: 420, y: 0, width: 1080, height: 1080 },
      target: { x: 10, y: 10, width: 100, height: 100 },
    });
  });
});
