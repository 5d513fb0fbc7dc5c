import type { ServerResponse } from 'node:http';
import { GUEST_PAGE_PREFIX } from '../../shared/contract/httpRoutes';
import { baseHeaders } from './http';
import { isSameOrigin, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import type { HttpRoute } from './routes';
import type { SessionRegistry } from './sessions';
import { resolveStaticFile, sendFile } from './staticFiles';

export interface PageRoutesDeps {
  /** The built renderer (index.html, assets/). */
  rendererDir: string;
  sessions: SessionRegistry;
}

function sendHtmlMessage(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;background:#0f1115;color:#e8eaf0;display:grid;place-items:center;height:100vh;margin:0}
main{max-width:34rem;padding:2rem;border:1px solid #2a2f3a;border-radius:12px;background:#161a22}h1{font-size:1.3rem}code{background:#222836;padding:.1rem .3rem;border-radius:4px}</style>
</head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

/** True, now that links work once: the refusal tells what happened and where a new link comes from. */
function refuseStudio(res: ServerResponse): void {
  sendHtmlMessage(
    res,
    401,
    'This studio link is not valid',
    'Studio links work once: the first visit signs that browser in and the link stops working. This link was already used, has expired, was revoked or was never valid. In the browser that used it, open the studio address without the link; otherwise restart <code>npm run serve</code> for a new one-time owner link, or ask the host for a new moderator link.',
  );
}

/**
 * The studio page needs an owner or moderator session. A link carrying `?session=` is exchanged,
 * once, for a fresh session token in an HttpOnly cookie, with a redirect to the bare URL, so the
 * token leaves the address bar and history, and the link itself is worth nothing afterwards.
 */
export function createPageRoutes(deps: PageRoutesDeps): HttpRoute[] {
  const studio: HttpRoute = {
    method: ['GET', 'HEAD'],
    path: '/',
    async handle(req, res, url) {
      if (url.searchParams.has('session')) {
        // Only a GET spends the link: a HEAD (a link preview, a checker) must not use it up.
        if (req.method !== 'GET') {
          sendHtmlMessage(res, 405, 'Open this link in a browser', 'Studio links are opened with GET.');
          return;
        }
        const exchanged = deps.sessions.redeem(url.searchParams.get('session'));
        if (!exchanged) return refuseStudio(res);
        res.writeHead(303, { ...baseHeaders(), Location: '/', 'Set-Cookie': sessionCookie(exchanged.token, exchanged.maxAgeSeconds) });
        res.end();
        return;
      }
      if (!deps.sessions.verify(readCookie(req, SESSION_COOKIE))) return refuseStudio(res);
      if (!isSameOrigin(req)) {
        sendHtmlMessage(res, 403, 'Forbidden', 'Cross-origin request refused.');
        return;
      }
      const index = resolveStaticFile(deps.rendererDir, 'index.html');
      if (!index) {
        sendHtmlMessage(res, 503, 'The studio is not built', 'Run <code>npm run build</code>, then start the server again.');
        return;
      }
      if (!(await sendFile(res, index, { head: req.method === 'HEAD' }))) {
        sendHtmlMessage(res, 503, 'The studio is not built', 'Run <code>npm run build</code>, then start the server again.');
      }
    },
  };

  const assets: HttpRoute = {
    method: ['GET', 'HEAD'],
    path: '/assets/*',
    async handle(req, res, url) {
      const file = resolveStaticFile(deps.rendererDir, url.pathname.slice(1));
      if (!file) {
        sendHtmlMessage(res, 404, 'Not found', 'No such file.');
        return;
      }
      if (!(await sendFile(res, file, { immutable: true, head: req.method === 'HEAD' })))
        sendHtmlMessage(res, 404, 'Not found', 'No such file.');
    },
  };

  /** Public pages (viewers, guests) need no session; what they may do is decided by the tokens they get. */
  const publicPage = (path: string, file: string): HttpRoute => ({
    method: ['GET', 'HEAD'],
    path,
    async handle(req, res) {
      const page = resolveStaticFile(deps.rendererDir, file);
      if (!page) {
        sendHtmlMessage(res, 503, 'This page is not built', 'Run <code>npm run build</code>, then start the server again.');
        return;
      }
      if (!(await sendFile(res, page, { head: req.method === 'HEAD' }))) {
        sendHtmlMessage(res, 503, 'This page is not built', 'Run <code>npm run build</code>, then start the server again.');
      }
    },
  });

  return [studio, assets, publicPage('/watch', 'watch.html'), publicPage(`${GUEST_PAGE_PREFIX}*`, 'guest.html')];
}
