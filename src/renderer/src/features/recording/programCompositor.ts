import { fitRect, type SceneItem } from './programScene';
import { logger } from '../../logging/logger';

/** 720p at 30 fps: a sharp recording that two busy cores can still encode next to the live stream. */
export const RECORDING_WIDTH = 1280;
export const RECORDING_HEIGHT = 720;
export const RECORDING_FPS = 30;

const BACKGROUND = '#0f1115';
const CARD = '#1c212b';
const TEXT = '#e8eaf0';

/**
 * Draws the program onto a canvas at a steady frame rate and offers it as a video track. Each
 * source track plays in its own detached, muted <video>; the canvas copies their frames, so the
 * recording follows whatever is on air (source switches, guests coming and going) by itself.
 * A timer drives it rather than animation frames, which stop when the window is hidden.
 */
export class ProgramCompositor {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly videos = new Map<string, HTMLVideoElement>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly scene: () => SceneItem[]) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = RECORDING_WIDTH;
    this.canvas.height = RECORDING_HEIGHT;
    const context = this.canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('This browser cannot draw the program for recording');
    this.context = context;
  }

  /** Starts drawing and returns the canvas as a video stream. */
  start(): MediaStream {
    this.draw();
    this.timer = setInterval(() => this.draw(), 1000 / RECORDING_FPS);
    return this.canvas.captureStream(RECORDING_FPS);
  }

  stop(): void {
    clearInterval(this.timer);
    for (const video of this.videos.values()) video.srcObject = null;
    this.videos.clear();
  }

  private videoFor(track: MediaStreamTrack): HTMLVideoElement {
    let video = this.videos.get(track.id);
    if (!video) {
      video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([track]);
      void video.play().catch((error: unknown) => logger.warn('A program video did not start playing', error));
      this.videos.set(track.id, video);
    }
    return video;
  }

  private draw(): void {
    const items = this.scene();
    const context = this.context;
    context.fillStyle = BACKGROUND;
    context.fillRect(0, 0, RECORDING_WIDTH, RECORDING_HEIGHT);
    const used = new Set<string>();
    for (const item of items) {
      const live = item.track && item.track.readyState === 'live' ? item.track : null;
      const video = live ? this.videoFor(live) : null;
      if (live) used.add(live.id);
      if (video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const { source, target } = fitRect({ width: video.videoWidth, height: video.videoHeight }, item.rect, item.fit);
        context.drawImage(video, source.x, source.y, source.width, source.height, target.x, target.y, target.width, target.height);
      } else {
        this.drawCard(item);
      }
      if (item.label && video) this.drawLabel(item);
    }
    // Sources no longer on the program stop playing.
    for (const [id, video] of this.videos) {
      if (!used.has(id)) {
        video.srcObject = null;
        this.videos.delete(id);
      }
    }
  }

  /** No picture: a card with the name's initial (and the name), like the tiles in the studio. */
  private drawCard(item: SceneItem): void {
    const { context } = this;
    const { x, y, width, height } = item.rect;
    context.fillStyle = CARD;
    context.fillRect(x, y, width, height);
    if (!item.label) return;
    const radius = Math.min(width, height) * 0.16;
    context.fillStyle = '#2a2f3a';
    context.beginPath();
    context.arc(x + width / 2, y + height / 2 - radius * 0.3, radius, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = TEXT;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.font = `600 ${Math.round(radius)}px system-ui, sans-serif`;
    context.fillText(item.label.slice(0, 1).toUpperCase(), x + width / 2, y + height / 2 - radius * 0.3);
    context.font = `500 ${Math.max(12, Math.round(radius * 0.45))}px system-ui, sans-serif`;
    context.fillText(item.label, x + width / 2, y + height / 2 + radius * 1.1, width - 16);
  }

  private drawLabel(item: SceneItem): void {
    const { context } = this;
    const size = Math.max(12, Math.round(item.rect.height * 0.09));
    context.font = `500 ${size}px system-ui, sans-serif`;
    const text = item.label!;
    const textWidth = Math.min(context.measureText(text).width, item.rect.width - 24);
    const x = item.rect.x + 6;
    const y = item.rect.y + item.rect.height - size - 14;
    context.fillStyle = 'rgba(0, 0, 0, 0.6)';
    context.fillRect(x, y, textWidth + 12, size + 8);
    context.fillStyle = TEXT;
    context.textAlign = 'left';
    context.textBaseline = 'top';
    context.fillText(text, x + 6, y + 4, item.rect.width - 24);
  }
}
