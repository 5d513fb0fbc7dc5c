/**
 * Serves the livekit-client test page (tests/support/e2e/pages/lkTestPage.ts, bundled
 * with esbuild) from http://127.0.0.1:<port>/. Pages must come from a real http origin: on
 * about:blank Chromium hides host ICE candidates behind mDNS names.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Default page script exposing `window.lkTest`. */
export const LK_TEST_PAGE_ENTRY = resolve(HERE, 'pages/lkTestPage.ts');

export interface TestPageServer {
  /** URL of the page, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles `entry` (default: the lkTest page) into a temp dir and serves it with a minimal
 * index.html. The bundle is built once per call; reuse the server across tests.
 */
export async function serveLiveKitTestPage(entry = LK_TEST_PAGE_ENTRY): Promise<TestPageServer> {
  const dir = await mkdtemp(join(tmpdir(), 'lk-test-page-'));
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'page.js'),
    // Minified: pages start noticeably faster on a busy 2-core machine.
    minify: true,
    sourcemap: false,
    logLevel: 'silent',
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>lk test</title></head><body><script type="module" src="/page.js"></script></body></html>',
  );
  const files: Record<string, { body: Buffer; type: string }> = {
    '/': { body: await readFile(join(dir, 'index.html')), type: 'text/html; charset=utf-8' },
    '/page.js': { body: await readFile(join(dir, 'page.js')), type: 'text/javascript; charset=utf-8' },
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' });
    res.end(file.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
