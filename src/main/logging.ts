/**
 * A small logger with a redaction hook: every string that goes out passes through `redact`, which
 * removes the LiveKit API secret wherever it might appear (error messages, URLs, bodies).
 */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface LoggerOptions {
  sink?: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** Returns the strings that must never be written (the current API secret). */
  secrets?: () => readonly string[];
}

function stringify(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    // Circular or BigInt detail: its string form still says something.
    return String(detail);
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const sink =
    options.sink ??
    ((level, line) => {
      (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
  const redact = (text: string): string => {
    let out = text;
    for (const secret of options.secrets?.() ?? []) {
      if (secret.length >= 4) out = out.split(secret).join('[redacted]');
    }
    return out;
  };
  const write = (level: 'info' | 'warn' | 'error', message: string, details: unknown[]) => {
    const line = [new Date().toISOString(), level.toUpperCase(), message, ...details.map(stringify)].join(' ');
    sink(level, redact(line));
  };
  return {
    info: (message, ...details) => write('info', message, details),
    warn: (message, ...details) => write('warn', message, details),
    error: (message, ...details) => write('error', message, details),
  };
}
