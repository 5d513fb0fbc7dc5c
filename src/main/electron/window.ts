import { BrowserWindow, session } from 'electron';
import { APP_START_URL, isOwnUrl, mayGrantPermission, permissionCheckPasses } from './policy';

export interface StudioWindowOptions {
  preloadPath: string;
  rendererDir: string;
  /** Set by electron-vite in development (hot reload server). */
  devServerUrl?: string;
}

/** Our pages: app://studio (the built renderer), or the dev server during development. */
export function isOwnPage(url: string, options: StudioWindowOptions): boolean {
  return isOwnUrl(url, options);
}

/**
 * The studio window, locked down per Electron's security checklist: isolated, sandboxed, no Node,
 * loaded from app://studio (see appProtocol.ts), and media permission only for our own pages.
 * Navigation, redirects, new windows and webviews are refused app-wide by guard.ts.
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

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl || webContents.getURL(), options));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    permissionCheckPasses(permission, requestingOrigin, options),
  );

  window.once('ready-to-show', () => window.show());
  if (options.devServerUrl) void window.loadURL(options.devServerUrl);
  else void window.loadURL(APP_START_URL);
  return window;
}
