import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, type App } from './app';
import { registerAppScheme, serveAppScheme } from './electron/appProtocol';
import { ElectronCaptureProvider } from './electron/capture';
import { installWebContentsGuard } from './electron/guard';
import { connectIpc } from './electron/ipcAdapter';
import { SafeStorageSecretStore } from './electron/safeStorageSecretStore';
import { createStudioWindow, isOwnPage } from './electron/window';
import { findRendererDir } from './rendererDir';

/** Desktop composition root: the shared services plus the window, IPC and keychain-backed secret. */
const here = fileURLToPath(new URL('.', import.meta.url));

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Both before ready: a privileged scheme can only be registered then, and the guard must see
  // the very first web contents.
  registerAppScheme();
  installWebContentsGuard({ devServerUrl: process.env.ELECTRON_RENDERER_URL });
  await app.whenReady();
  const dataDir = process.env.AIRDECK_DATA_DIR ?? app.getPath('userData');
  const windowOptions = {
    preloadPath: join(here, '../preload/index.cjs'),
    rendererDir: findRendererDir(import.meta.url),
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  };
  serveAppScheme(session.defaultSession, windowOptions.rendererDir);
  const capture = new ElectronCaptureProvider((url) => isOwnPage(url, windowOptions));
  capture.install(session.defaultSession);
  const core: App = await startApp({
    dataDir,
    rendererDir: windowOptions.rendererDir,
    secretStore: new SafeStorageSecretStore(join(dataDir, 'livekit-api-secret.bin')),
    desktop: true,
    capture,
    // `npm start -- --no-local-livekit` keeps the app from running its own rehearsal server.
    rehearsalWorker: process.argv.includes('--no-local-livekit') ? null : new URL('./rehearsalWorker.js', import.meta.url),
    revealFile: (path) => shell.showItemInFolder(path),
  });
  const window = createStudioWindow(windowOptions);
  const disconnect = connectIpc({ window, dispatch: core.dispatch, bus: core.bus, isOwnPage: (url) => isOwnPage(url, windowOptions) });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    disconnect();
    void core.close();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createStudioWindow(windowOptions);
  });
}

void main();
