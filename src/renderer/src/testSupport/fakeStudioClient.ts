import type { EventName, EventPayload, MethodName, ParamsOf, ResultOf } from '../../../shared/contract/studioApi';
import type { StudioClient } from '../../../shared/contract/studioClient';
import { Emitter } from '../../../shared/emitter';
import { fail, ok, type Result } from '../../../shared/result';

type Answer<M extends MethodName> = Result<ResultOf<M>> | ((params: ParamsOf<M>) => Result<ResultOf<M>> | Promise<Result<ResultOf<M>>>);

/** One call the store made, with its method and params. */
export interface RecordedCall {
  method: MethodName;
  params: unknown;
}

/**
 * The studio client for store tests, typed from the contract: answers are set per method (a
 * renamed method or a wrong result shape fails to compile), calls are recorded, and `push`
 * delivers an event as main would. A method without an answer fails with `internal`.
 */
export class FakeStudioClient implements StudioClient {
  readonly calls: RecordedCall[] = [];
  private readonly answers = new Map<MethodName, Answer<never>>();
  private readonly events = new Emitter<{ [E in EventName]: EventPayload<E> }>();

  /** Sets what `method` answers from now on: a result, or a function of the params. */
  answer<M extends MethodName>(method: M, answer: Answer<M>): this {
    this.answers.set(method, answer as Answer<never>);
    return this;
  }

  /** Shorthand for a successful answer. */
  answerOk<M extends MethodName>(method: M, value: ResultOf<M>): this {
    return this.answer(method, ok(value));
  }

  /** The params of every call to `method`, oldest first. */
  paramsOf<M extends MethodName>(method: M): ParamsOf<M>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params as ParamsOf<M>);
  }

  /** The methods called, in order. */
  methods(): MethodName[] {
    return this.calls.map((call) => call.method);
  }

  async invoke<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>> {
    this.calls.push({ method, params });
    const answer = this.answers.get(method) as Answer<M> | undefined;
    if (answer === undefined) return fail('internal', `no answer set for ${method}`);
    return typeof answer === 'function' ? answer(params) : answer;
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.events.on(event, listener as (...args: unknown[]) => void);
  }

  /** Delivers an event to the subscribers, as main pushing it. */
  push<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const emit = this.events.emit as (name: E, value: EventPayload<E>) => void;
    emit.call(this.events, event, payload);
  }

  /** How many listeners an event has (a wiring subscribes each event once). */
  listenerCount(event: EventName): number {
    return this.events.listenerCount(event);
  }
}
