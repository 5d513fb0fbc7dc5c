import { desktopCapturer, type DesktopCapturerSource, type Session } from 'electron';
import type { CaptureSources } from '../../shared/domain/live';
import { AppFailure } from '../../shared/result';
import type { CaptureProvider } from '../stream/captureProvider';

/** System audio capture ("loopback") exists on Windows and, from Electron 31, on macOS 13+. */
function systemAudioSupported(): boolean {
  return process.platform === 'win32' || process.platform === 'darwin';
}

/**
 * Screens and windows through Electron. The studio lists sources with thumbnails, the host picks
 * one, and the display-media handler then grants exactly that source to our own pages only.
 */
export class ElectronCaptureProvider implements CaptureProvider {
  private selected: { id: string; withAudio: boolean } | null = null;

  constructor(private readonly isOwnPage: (url: string) => boolean) {}

  async listSources(): Promise<CaptureSources> {
    const sources = await this.fetchSources();
    return {
      picker: 'app',
      sources: sources.map((source) => ({
        id: source.id,
        name: source.name,
        kind: source.id.startsWith('screen:') ? 'screen' : 'window',
        thumbnail: source.thumbnail.toDataURL(),
        appIcon: source.appIcon && !source.appIcon.isEmpty() ? source.appIcon.toDataURL() : null,
      })),
    };
  }

  async selectSource(id: string, withAudio: boolean): Promise<{ selected: string }> {
    const source = (await this.fetchSources()).find((candidate) => candidate.id === id);
    if (!source) throw new AppFailure('not_found', 'That screen or window is no longer available; pick it again.');
    this.selected = { id, withAudio: withAudio && systemAudioSupported() };
    return { selected: source.name };
  }

  /** Installs the handler that answers the renderer's getDisplayMedia with the picked source. */
  install(session: Session): void {
    session.setDisplayMediaRequestHandler((request, callback) => {
      const deny = () => callback({});
      if (!request.frame || !this.isOwnPage(request.frame.url)) return deny();
      const choice = this.selected;
      if (!choice) return deny();
      this.fetchSources().then(
        (sources) => {
          const source = sources.find((candidate) => candidate.id === choice.id);
          if (!source) return deny();
          callback(choice.withAudio && request.audioRequested ? { video: source, audio: 'loopback' } : { video: source });
        },
        () => deny(),
      );
    });
  }

  private fetchSources(): Promise<DesktopCapturerSource[]> {
    return desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 180 }, fetchWindowIcons: true });
  }
}
