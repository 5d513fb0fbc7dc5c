/**
 * The rehearsal server's logger. The server runs in a worker thread (or the `livekit:dev` command),
 * out of reach of the app's logger instance, so it writes to standard output and error, which a
 * worker thread shares with the app. Lines carry a prefix to tell them from the app's own.
 */
import { createLogger, type Logger } from '../logging';

const base = createLogger();
const PREFIX = '[rehearsal-server]';

export const log: Logger = {
  info: (message, ...details) => base.info(`${PREFIX} ${message}`, ...details),
  warn: (message, ...details) => base.warn(`${PREFIX} ${message}`, ...details),
  error: (message, ...details) => base.error(`${PREFIX} ${message}`, ...details),
};
