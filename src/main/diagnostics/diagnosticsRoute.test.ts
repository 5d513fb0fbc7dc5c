import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DIAGNOSTICS_LIMITS, DIAGNOSTICS_REPORT_PATH } from '../../shared/contract/diagnosticsApi';
import { createLogger } from '../logging';
import { createDiagnosticsRoute, PUBLIC_REQUESTS_PER_ADDRESS } from './diagnosticsRoute';
import { createRendererLog, REPORTS_IN_TOTAL, REPORTS_PER_CALLER } from './rendererLog';

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections(); // fetch keeps connections alive; close would wait for them
  await new Promise((resolve) => running.close(resolve));
});

/** The route behind a real HTTP server, every request from one address, with the lines it logged. */
async function start(): Promise<{ post: (body: unknown) => Promise<{ status: number; body: unknown }>; lines: string[] }> {
  const lines: string[] = [];
  const log = createLogger({ sink: (_level, line) => lines.push(line) });
  const route = createDiagnosticsRoute({ rendererLog: createRendererLog(log), clientAddress: () => '203.0.113.7' });
  server = createServer((req, res) => void route.handle(req, res, new URL(req.url ?? '/', 'http://localhost')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const post = async (body: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${DIAGNOSTICS_REPORT_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return { post, lines };
}

describe('the public diagnostics route', () => {
  it('logs a public page’s reports as single tagged lines', async () => {
    const { post, lines } = await start();
    const answer = await post({
      page: 'watch',
      reports: [{ level: 'error', message: 'room failed\nFAKE LINE', detail: 'Error: x\n  at y' }],
    });
    expect(answer).toEqual({ status: 200, body: { ok: true, value: { logged: 1 } } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ERROR [renderer] [watch] room failed FAKE LINE | Error: x   at y');
    expect(lines[0]).not.toContain('\n');
  });

  it('refuses bad input with a code and logs nothing', async () => {
    const { post, lines } = await start();
    expect(await post('not json')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    expect(await post({ page: 'studio', reports: [{ level: 'error', message: 'x' }] })).toMatchObject({ status: 400 });
    expect(await post({ page: 'guest', reports: [] })).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const long = 'x'.repeat(DIAGNOSTICS_LIMITS.messageChars + 1);
    expect(await post({ page: 'guest', reports: [{ level: 'error', message: long }] })).toMatchObject({ status: 400 });
    const huge = 'y'.repeat(DIAGNOSTICS_LIMITS.publicBodyBytes);
    expect(await post({ page: 'guest', reports: [{ level: 'error', message: 'x', detail: huge }] })).toMatchObject({
      status: 413,
      body: { error: { code: 'too_large' } },
    });
    expect(lines).toEqual([]);
  });

  it('rate-limits one address', async () => {
    const { post } = await start();
    const report = { page: 'guest', reports: [{ level: 'warn', message: 'mic failed' }] };
    for (let i = 0; i < PUBLIC_REQUESTS_PER_ADDRESS.burst; i += 1) expect(await post(report)).toMatchObject({ status: 200 });
    expect(await post(report)).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited' } } });
  });
});

describe('the renderer log', () => {
  /** A renderer log at a frozen clock, the lines it wrote, and a full batch from `page`. */
  function frozenLog(page: 'studio' | 'watch') {
    const lines: string[] = [];
    const rendererLog = createRendererLog(createLogger({ sink: (_level, line) => lines.push(line) }), () => 0);
    const reports = Array.from({ length: DIAGNOSTICS_LIMITS.batchSize }, () => ({ level: 'info' as const, message: 'tick' }));
    return { lines, rendererLog, batch: { page, reports } };
  }

  it('stops logging a caller over its budget, and counts only what it logged', () => {
    const { lines, rendererLog, batch } = frozenLog('studio');
    let logged = 0;
    for (let i = 0; i < 10; i += 1) logged += rendererLog.write(batch, 'host');
    expect(logged).toBe(REPORTS_PER_CALLER.burst);
    expect(lines).toHaveLength(REPORTS_PER_CALLER.burst);
    expect(rendererLog.write(batch, 'moderator:ana')).toBe(DIAGNOSTICS_LIMITS.batchSize);
  });

  it('stops logging when many callers together reach the overall budget', () => {
    const { lines, rendererLog, batch } = frozenLog('watch');
    let logged = 0;
    for (let caller = 0; caller < 100; caller += 1) logged += rendererLog.write(batch, `10.0.0.${caller}`);
    expect(logged).toBe(REPORTS_IN_TOTAL.burst);
    expect(lines).toHaveLength(REPORTS_IN_TOTAL.burst);
  });
});
