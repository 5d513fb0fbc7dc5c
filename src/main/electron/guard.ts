import { app, shell } from 'electron';
import { externalUrl, mayNavigate, type OwnOrigins } from './policy';

/**
 * One guard for every web contents the app ever creates (windows, devtools, anything a future
 * change adds), so no window can forget it: navigation and redirects off our origin are refused,
 * window.open is denied (http(s) links go to the browser instead), and <webview> never attaches.
 * Call once, before the first window.
 */
export function installWebContentsGuard(origins: OwnOrigins): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (!mayNavigate(event.url, origins)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!mayNavigate(event.url, origins)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!mayNavigate(event.url, origins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const external = externalUrl(url);
      if (external) void shell.openExternal(external);
      return { action: 'deny' };
    });
  });
}
