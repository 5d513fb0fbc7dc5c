import { DIAGNOSTICS_LIMITS, DIAGNOSTICS_REPORT_PATH, ReportReceiptSchema } from '../../../shared/contract/diagnosticsApi';
import { sendLogsTo } from '../logging/logger';
import { reportUncaughtErrors } from '../logging/uncaughtErrors';
import { postPublicRoute } from './publicRoute';

/**
 * Logging for a public page: reports go to main's log through the public diagnostics route (no
 * session there, so small bodies), and uncaught errors are reported too. Called once by the entry.
 */
export function startPageLogging(page: 'watch' | 'guest'): void {
  sendLogsTo(
    async (reports) => {
      const answer = await postPublicRoute(DIAGNOSTICS_REPORT_PATH, { page, reports }, ReportReceiptSchema);
      if (!answer.ok) throw new Error(answer.message);
    },
    { bodyBytes: DIAGNOSTICS_LIMITS.publicBodyBytes },
  );
  reportUncaughtErrors();
}
