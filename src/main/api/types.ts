import type { MethodName, ParsedParamsOf, ResultOf, SessionRole } from '../../shared/contract/studioApi';

/** Who is calling: the owner (desktop window or owner session) or a co-moderator session. */
export interface CallContext {
  role: SessionRole;
  /** Shown in the audit log, e.g. "host" or "moderator:ana". */
  actor: string;
}

/** A service method behind one contract method. Throw `AppFailure` for a clear, expected error. */
export type Handler<M extends MethodName> = (params: ParsedParamsOf<M>, ctx: CallContext) => ResultOf<M> | Promise<ResultOf<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
