import type { diagnosticsMethods } from '../../shared/contract/diagnosticsApi';
import type { Handlers } from '../api/types';
import type { RendererLog } from './rendererLog';

/** The studio's and the console's reports: the caller is the session's actor, so each has its own budget. */
export function createDiagnosticsHandlers(rendererLog: RendererLog): Pick<Handlers, keyof typeof diagnosticsMethods> {
  return {
    'diagnostics.report': (batch, ctx) => ({ logged: rendererLog.write(batch, ctx.actor) }),
  };
}
