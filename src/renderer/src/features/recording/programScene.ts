import type { ProgramLayout } from '../../../../shared/domain/program';

/** A rectangle on the recording canvas, in pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One thing to draw: a video (or, without one, a name card) in a rectangle. */
export interface SceneItem {
  key: string;
  track: MediaStreamTrack | null;
  rect: Rect;
  /** `contain` keeps a whole screen share visible; `cover` fills a camera tile. */
  fit: 'contain' | 'cover';
  /** Drawn over the tile's lower left corner (guests' names). */
  label: string | null;
}

/** A guest in a stage slot, as the studio sees them. */
export interface SceneGuest {
  identity: string;
  name: string;
  /** Null while the camera is off or not received yet (a name card is drawn). */
  camera: MediaStreamTrack | null;
}

export interface SceneInput {
  width: number;
  height: number;
  layout: ProgramLayout;
  hostName: string;
  /** What the host has on air; null when off. */
  screen: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  /** Guests on stage in slot order (empty slots left out). */
  guests: readonly SceneGuest[];
}

/** Share of the height the guest row takes when guests are on stage (viewers see them under the program). */
const GUEST_ROW_SHARE = 0.25;
const GAP = 8;

/** The host's part, placed like the viewer page does: main video, camera as pip or side column. */
function hostItems(input: SceneInput, area: Rect): SceneItem[] {
  const { layout, screen, camera } = input;
  const host = (key: string, track: MediaStreamTrack | null, rect: Rect, fit: SceneItem['fit']): SceneItem => ({
    key,
    track,
    rect,
    fit,
    label: null,
  });
  if (screen && camera && layout.main === 'screen' && layout.camera !== 'hidden') {
    if (layout.camera === 'side') {
      const sideWidth = Math.round(area.width * 0.26);
      const side: Rect = { x: area.x + area.width - sideWidth, y: area.y, width: sideWidth, height: area.height };
      return [host('screen', screen, { ...area, width: area.width - sideWidth - GAP }, 'contain'), host('camera', camera, side, 'cover')];
    }
    const pipWidth = Math.round(area.width * 0.22);
    const pipHeight = Math.round((pipWidth * 9) / 16);
    const pip: Rect = {
      x: area.x + area.width - pipWidth - 16,
      y: area.y + area.height - pipHeight - 16,
      width: pipWidth,
      height: pipHeight,
    };
    return [host('screen', screen, area, 'contain'), host('camera', camera, pip, 'cover')];
  }
  const main = layout.main === 'camera' ? (camera ?? screen) : (screen ?? camera);
  if (main) return [host(main === screen ? 'screen' : 'camera', main, area, main === screen ? 'contain' : 'cover')];
  // Audio only: a name card keeps the recording from being a black void.
  return [{ key: 'host-card', track: null, rect: area, fit: 'cover', label: input.hostName }];
}

/**
 * The program as one picture: the host's videos on top and, with guests on stage, a row of up to
 * four guest tiles under it — the arrangement viewers see on the watch page.
 */
export function programScene(input: SceneInput): SceneItem[] {
  const full: Rect = { x: 0, y: 0, width: input.width, height: input.height };
  if (input.guests.length === 0) return hostItems(input, full);
  const rowHeight = Math.round(input.height * GUEST_ROW_SHARE);
  const hostArea: Rect = { ...full, height: input.height - rowHeight - GAP };
  const tileWidth = (input.width - GAP * 3) / 4;
  // Centre fewer than four guests in the row.
  const start = (input.width - (tileWidth * input.guests.length + GAP * (input.guests.length - 1))) / 2;
  const guests = input.guests.slice(0, 4).map((guest, index): SceneItem => ({
    key: `guest:${guest.identity}`,
    track: guest.camera,
    rect: {
      x: Math.round(start + index * (tileWidth + GAP)),
      y: input.height - rowHeight,
      width: Math.round(tileWidth),
      height: rowHeight,
    },
    fit: 'cover',
    label: guest.name,
  }));
  return [...hostItems(input, hostArea), ...guests];
}

/** Where to draw a source of `source` size inside `box` so it is contained or covers it. */
export function fitRect(source: { width: number; height: number }, box: Rect, fit: SceneItem['fit']): { source: Rect; target: Rect } {
  const whole: Rect = { x: 0, y: 0, width: source.width, height: source.height };
  if (source.width <= 0 || source.height <= 0) return { source: whole, target: box };
  const sourceRatio = source.width / source.height;
  const boxRatio = box.width / box.height;
  if (fit === 'contain') {
    const width = sourceRatio > boxRatio ? box.width : box.height * sourceRatio;
    const height = sourceRatio > boxRatio ? box.width / sourceRatio : box.height;
    return { source: whole, target: { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height } };
  }
  // cover: crop the source's middle to the box's shape.
  const width = sourceRatio > boxRatio ? source.height * boxRatio : source.width;
  const height = sourceRatio > boxRatio ? source.height : source.width / boxRatio;
  return { source: { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height }, target: box };
}
