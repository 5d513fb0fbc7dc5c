import { DIAGNOSTICS_LIMITS, DIAGNOSTICS_REPORT_PATH, ReportReceiptSchema } from '../../../shared/contract/diagnosticsApi';
import type { ReportSender, SendLimits } from '../logging/logBatcher';
import { postPublicRoute } from './publicRoute';

/** The public diagnostics route has no session, so it takes small bodies only. */
export const PUBLIC_LOG_LIMITS: Partial<SendLimits> = { bodyBytes: DIAGNOSTICS_LIMITS.publicBodyBytes };

/** How a public page's reports reach main's log: the public diagnostics route, named by page. */
export function publicLogSender(page: 'watch' | 'guest'): ReportSender {
  return async (reports) => {
    const answer = await postPublicRoute(DIAGNOSTICS_REPORT_PATH, { page, reports }, ReportReceiptSchema);
    if (!answer.ok) throw new Error(answer.message);
  };
}
