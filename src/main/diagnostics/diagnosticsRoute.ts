import { z } from 'zod';
import {
  DIAGNOSTICS_LIMITS,
  DIAGNOSTICS_REPORT_PATH,
  RendererReportBatchSchema,
  type ReportReceipt,
} from '../../shared/contract/diagnosticsApi';
import type { ClientAddressOf } from '../server/clientAddress';
import { sendResult } from '../server/http';
import { publicJsonRoute } from '../server/publicJsonRoute';
import type { HttpRoute } from '../server/routes';
import type { RendererLog } from './rendererLog';

/** Requests per address: a page reports in batches, so a few a minute is plenty. */
export const PUBLIC_REQUESTS_PER_ADDRESS = { burst: 5, perSecond: 0.1 } as const;

/** Only the public pages report here; the studio and the console have their session. */
const PublicBatchSchema = RendererReportBatchSchema.extend({ page: z.enum(['watch', 'guest']) }).strict();

/**
 * POST /api/diagnostics/report: the watch and guest pages' errors, into main's log. Anyone can
 * call it, so it is admitted like every public route (per-address limit, small body, schema) and
 * written as cleaned single lines under the log's overall limit.
 */
export function createDiagnosticsRoute(deps: { rendererLog: RendererLog; clientAddress: ClientAddressOf }): HttpRoute {
  return publicJsonRoute({
    path: DIAGNOSTICS_REPORT_PATH,
    schema: PublicBatchSchema,
    maxBodyBytes: DIAGNOSTICS_LIMITS.publicBodyBytes,
    perAddress: PUBLIC_REQUESTS_PER_ADDRESS,
    clientAddress: deps.clientAddress,
    handle(body, req, res) {
      sendResult<ReportReceipt>(res, { ok: true, value: { logged: deps.rendererLog.write(body, deps.clientAddress(req)) } });
    },
  });
}
