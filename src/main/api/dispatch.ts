import { isMethodName, studioMethods, type MethodName } from '../../shared/contract/studioApi';
import { AppFailure, fail, ok, type Result } from '../../shared/result';
import { describeZodError } from '../../shared/zodIssues';
import type { Logger } from '../logging';
import type { CallContext, Handler, Handlers } from './types';

/** How much of an unknown method name is echoed back: enough to spot a typo, not a payload. */
const MAX_ECHOED_NAME_CHARS = 100;

/**
 * The single entry both transports call. It checks the method exists, the caller's role may use
 * it, and the params parse; then it runs the handler and wraps whatever happens in a Result.
 * Nothing thrown by a handler escapes as an exception.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(method: unknown, params: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail('unknown_method', `Unknown method: ${String(method).slice(0, MAX_ECHOED_NAME_CHARS)}`);
    const spec = studioMethods[method];
    if (!(spec.roles as readonly string[]).includes(ctx.role)) {
      return fail('forbidden', `A ${ctx.role} session cannot call ${method}`);
    }
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) return fail('bad_request', `Invalid params for ${method}: ${describeZodError(parsed.error)}`);
    try {
      const handler = handlers[method] as Handler<MethodName>;
      return ok(await handler(parsed.data as never, ctx));
    } catch (error) {
      if (error instanceof AppFailure) return fail(error.code, error.message);
      log.error(`${method} failed`, error);
      return fail('internal', `${method} failed unexpectedly; see the app log`);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
