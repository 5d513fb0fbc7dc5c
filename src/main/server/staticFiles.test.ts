import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveStaticFile, sendFile } from './staticFiles';

let root: string;
let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** Serves `relative` the way the page routes do, with `between` run after resolving and before sending. */
async function serve(between: (file: string) => void): Promise<string> {
  server = createServer((req, res) => {
    const file = resolveStaticFile(root, (req.url ?? '/').slice(1));
    if (!file) return void res.writeHead(404).end('unresolved');
    between(file);
    void sendFile(res, file, { head: req.method === 'HEAD' }).then((sent) => {
      if (!sent) res.writeHead(404).end('gone');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('sendFile', () => {
  it('streams the file with its type and length, and HEAD without a body', async () => {
    root = mkdtempSync(join(tmpdir(), 'airdeck-static-'));
    writeFileSync(join(root, 'app.js'), 'console.log(1);');
    const base = await serve(() => {});
    const got = await fetch(`${base}/app.js`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(got.headers.get('content-length')).toBe('15');
    expect(await got.text()).toBe('console.log(1);');
    const head = await fetch(`${base}/app.js`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('a file that vanishes between resolving and sending is answered as missing, with no uncaught error', async () => {
    root = mkdtempSync(join(tmpdir(), 'airdeck-static-'));
    writeFileSync(join(root, 'gone.js'), 'x');
    writeFileSync(join(root, 'kept.js'), 'kept');
    const base = await serve((file) => {
      if (file.endsWith('gone.js')) unlinkSync(file);
    });
    const gone = await fetch(`${base}/gone.js`);
    expect([gone.status, await gone.text()]).toEqual([404, 'gone']);
    // The server is still up and serving.
    expect(await (await fetch(`${base}/kept.js`)).text()).toBe('kept');
  });

  it('a path replaced by a directory after resolving is not streamed', async () => {
    root = mkdtempSync(join(tmpdir(), 'airdeck-static-'));
    writeFileSync(join(root, 'swap'), 'file');
    const base = await serve((file) => {
      unlinkSync(file);
      mkdirSync(file);
    });
    const swapped = await fetch(`${base}/swap`);
    expect([swapped.status, await swapped.text()]).toEqual([404, 'gone']);
  });
});
