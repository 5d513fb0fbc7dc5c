import { DIAGNOSTICS_LIMITS, type RendererReport } from '../../../shared/contract/diagnosticsApi';
import { LogBatcher, type ReportSender, type SendLimits } from './logBatcher';

/** The renderer's logger: the console for whoever has the devtools open, main's log for everyone else. */
export interface RendererLogger {
  error(message: string, error?: unknown): void;
  warn(message: string, error?: unknown): void;
  info(message: string, error?: unknown): void;
}

type Level = RendererReport['level'];
type ConsoleLike = Pick<Console, Level>;

/** What an error adds to a report: its own message after ours, its stack as the detail. */
function describe(message: string, error: unknown): { message: string; detail?: string } {
  if (error === undefined) return { message };
  if (error instanceof Error) return { message: `${message}: ${error.message}`, detail: error.stack };
  return { message: `${message}: ${typeof error === 'string' ? error : safeJson(error)}` };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // cyclic or otherwise unserialisable: its string form still says something
  }
}

/** A logger writing to `out` and queueing a report, cut to what main accepts, on `batcher`. */
export function createRendererLogger(out: ConsoleLike, batcher: LogBatcher): RendererLogger {
  const write = (level: Level, message: string, error: unknown): void => {
    if (error === undefined) out[level](message);
    else out[level](message, error);
    const described = describe(message, error);
    batcher.add({
      level,
      message: described.message.slice(0, DIAGNOSTICS_LIMITS.messageChars) || '(no message)',
      ...(described.detail ? { detail: described.detail.slice(0, DIAGNOSTICS_LIMITS.detailChars) } : {}),
    });
  };
  return {
    error: (message, error) => write('error', message, error),
    warn: (message, error) => write('warn', message, error),
    info: (message, error) => write('info', message, error),
  };
}

const batcher = new LogBatcher();

/** The one logger of each renderer page; reports wait in memory until the entry connects a transport. */
export const logger: RendererLogger = createRendererLogger(console, batcher);

/** Connects the page's transport to main (the studio client or the public route); `startLogging` calls it once per entry. */
export function sendLogsTo(sender: ReportSender, limits?: Partial<SendLimits>): void {
  batcher.connect(sender, limits);
}
