import type { EventName, EventPayload, MethodName, ParamsOf, ResultOf } from './studioApi';
import type { Result } from '../result';

/**
 * What the studio UI holds to talk to main, whichever transport carries it. The preload exposes
 * one as `window.airdeck`; in a browser the control-socket client implements the same shape.
 */
export interface StudioClient {
  invoke<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>>;
  /** Returns the function that removes this listener. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
