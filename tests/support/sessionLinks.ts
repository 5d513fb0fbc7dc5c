import WebSocket from 'ws';
/**
 * Opens a one-time studio link (`/?session=…`) the way a browser's first visit does, and returns
 * the session token the server set in its cookie: what a non-browser client (a test's control
 * socket, the e2e harness) then uses. The link is spent by this call.
 */
export async function redeemLink(link: string): Promise<string> {
  const response = await fetch(link, { redirect: 'manual' });
  const cookie = response.headers.get('set-cookie') ?? '';
  const token = /(?:^|[;,]\s*)airdeck_session=([^;]+)/u.exec(cookie)?.[1];
  if (response.status !== 303 || !token) throw new Error(`studio link refused: HTTP ${response.status}`);
  return token;
}

/** The HTTP status of a WebSocket upgrade: the refusal's status, or 101 when it opened (then closed). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
  });
}
