import { DIAGNOSTICS_LIMITS, type RendererReport, type RendererReportBatch } from '../../shared/contract/diagnosticsApi';
import type { Logger } from '../logging';
import { RateLimiter } from '../server/rateLimiter';

/** Reports per caller (a session's actor, or a public page's address): a burst, then a steady trickle. */
export const REPORTS_PER_CALLER = { burst: 30, perSecond: 0.5 } as const;
/** Reports from every caller together, so many addresses cannot flood the log between them. */
export const REPORTS_IN_TOTAL = { burst: 120, perSecond: 2 } as const;

/** Control characters (newlines included) would let a report forge log lines of its own. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

function clean(text: string, maxChars: number): string {
  return text.replace(CONTROL_CHARACTERS, ' ').slice(0, maxChars);
}

export interface RendererLog {
  /** Logs what the rate limits allow of one batch from `caller`; returns how many reports reached the log. */
  write(batch: RendererReportBatch, caller: string): number;
}

/**
 * Where renderer reports enter main's log: tagged `[renderer]` and with the page, one line each,
 * cut to the contract's lengths and rate-limited per caller and overall. Reports over the limit are
 * dropped quietly: a page in an error loop must not fill the disk.
 */
export function createRendererLog(log: Logger, now: () => number = Date.now): RendererLog {
  const perCaller = RateLimiter.of(REPORTS_PER_CALLER, now);
  const inTotal = RateLimiter.of(REPORTS_IN_TOTAL, now);
  const line = (page: string, report: RendererReport): string => {
    const message = clean(report.message, DIAGNOSTICS_LIMITS.messageChars);
    return report.detail
      ? `[renderer] [${page}] ${message} | ${clean(report.detail, DIAGNOSTICS_LIMITS.detailChars)}`
      : `[renderer] [${page}] ${message}`;
  };
  return {
    write(batch, caller) {
      let logged = 0;
      for (const report of batch.reports) {
        // The caller's own budget first, so one noisy page spends its tokens, not everyone's.
        if (!perCaller.take(caller) || !inTotal.take('all')) break;
        log[report.level](line(batch.page, report));
        logged += 1;
      }
      return logged;
    },
  };
}
