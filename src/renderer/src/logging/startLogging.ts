import type { ReportSender, SendLimits } from './logBatcher';
import { sendLogsTo } from './logger';
import { reportUncaughtErrors } from './uncaughtErrors';

/**
 * Connects the page's logger to main through `sender` (within the transport's `limits`) and
 * reports uncaught errors there too. Called once by each entry, first, so that whatever goes wrong
 * from then on reaches the app log.
 */
export function startLogging(sender: ReportSender, limits?: Partial<SendLimits>): void {
  sendLogsTo(sender, limits);
  reportUncaughtErrors();
}
