import { z } from 'zod';
import {
  DIAGNOSTICS_LIMITS,
  DIAGNOSTICS_REPORT_PATH,
  RendererReportBatchSchema,
  type ReportReceipt,
} from '../../shared/contract/diagnosticsApi';
import type { ClientAddressOf } from '../server/clientAddress';
import { readJsonBody, sendError, sendResult } from '../server/http';
import { RateLimiter } from '../server/rateLimiter';
import type { HttpRoute } from '../server/routes';
import type { RendererLog } from './rendererLog';

/** Requests per address: a page reports in batches, so a few a minute is plenty. */
export const PUBLIC_REQUESTS_PER_ADDRESS = { burst: 5, perSecond: 0.1 } as const;

/** Only the public pages report here; the studio and the console have their session. */
const PublicBatchSchema = RendererReportBatchSchema.extend({ page: z.enum(['watch', 'guest']) }).strict();

/**
 * POST /api/diagnostics/report: the watch and guest pages' errors, into main's log. Anyone can
 * call it, so the body is small, checked against the schema, rate-limited per address (and the log
 * overall), and written as cleaned single lines; bad input is refused with a code, never thrown.
 */
export function createDiagnosticsRoute(deps: { rendererLog: RendererLog; clientAddress: ClientAddressOf }): HttpRoute {
  const perAddress = new RateLimiter(PUBLIC_REQUESTS_PER_ADDRESS.burst, PUBLIC_REQUESTS_PER_ADDRESS.perSecond);
  return {
    method: 'POST',
    path: DIAGNOSTICS_REPORT_PATH,
    async handle(req, res) {
      const address = deps.clientAddress(req);
      if (!perAddress.take(address)) {
        sendError(res, 'rate_limited', 'Too many reports; try again in a minute');
        return;
      }
      const body = await readJsonBody(req, PublicBatchSchema, DIAGNOSTICS_LIMITS.publicBodyBytes);
      if (!body.ok) {
        sendResult(res, body);
        return;
      }
      sendResult<ReportReceipt>(res, { ok: true, value: { logged: deps.rendererLog.write(body.value, address) } });
    },
  };
}
