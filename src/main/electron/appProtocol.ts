import { net, protocol, type Session } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, appFileFor } from './policy';

/**
 * Must run before `app.whenReady()`: a standard, secure scheme gives the studio a real origin
 * (`app://studio`) for CSP `'self'`, permissions and origin checks, and a secure context for
 * getUserMedia, without file://'s extra privileges (every file on disk is "same origin" there).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/** Serves the built renderer on `app://studio/…`; requests outside that directory get a 404. */
export function serveAppScheme(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, (request) => {
    const file = appFileFor(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return net.fetch(pathToFileURL(file).href);
  });
}
