import { logger, type RendererLogger } from './logger';

/** The part of `window` the handlers need; a plain EventTarget in tests. */
type ErrorSource = Pick<EventTarget, 'addEventListener'>;

/**
 * Sends what nothing else caught to the logger: errors thrown outside React (timers, event
 * handlers) and promise rejections nobody awaited. Installed once by each entry.
 */
export function reportUncaughtErrors(target: ErrorSource = window, log: RendererLogger = logger): void {
  target.addEventListener('error', (event) => {
    const { error, message } = event as ErrorEvent;
    log.error('Uncaught error', error ?? message);
  });
  target.addEventListener('unhandledrejection', (event) => {
    log.error('Unhandled promise rejection', (event as PromiseRejectionEvent).reason);
  });
}
