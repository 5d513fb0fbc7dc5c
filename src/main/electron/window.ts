import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StudioWindowOptions {
  preloadPath: string;
  rendererDir: string;
  /** Set by electron-vite in development (hot reload server). */
  devServerUrl?: string;
}

/** Our pages: the built renderer files, or the dev server during development. */
export function isOwnPage(url: string, options: StudioWindowOptions): boolean {
  if (options.devServerUrl && url.startsWith(options.devServerUrl)) return true;
  return url.startsWith(pathToFileURL(options.rendererDir).href + '/');
}

/**
 * The studio window, locked down per Electron's security checklist: isolated, sandboxed, no Node,
 * navigation only within our pages, new windows denied (http(s) links open in the browser), and
 * media permission only for our own pages.
 */
export function createStudioWindow(options: StudioWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    backgroundColor: '#0f1115',
    title: 'Airdeck',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // The program recorder draws on a timer; a minimised studio must keep its frame rate.
      backgroundThrottling: false,
    },
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, options)) event.preventDefault();
  });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaPermission = permission === 'media' || permission === 'display-capture' || permission === 'clipboard-sanitized-write';
    callback(mediaPermission && isOwnPage(details.requestingUrl || webContents.getURL(), options));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    const mediaPermission = permission === 'media' || permission === 'clipboard-sanitized-write';
    return mediaPermission && (requestingOrigin === 'file://' || isOwnPage(requestingOrigin, options));
  });

  window.once('ready-to-show', () => window.show());
  if (options.devServerUrl) void window.loadURL(options.devServerUrl);
  else void window.loadFile(join(options.rendererDir, 'index.html'));
  return window;
}
