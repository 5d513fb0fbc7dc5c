import type { EventName, EventPayload } from '../../../../shared/contract/studioApi';
import type { StudioClient } from '../../../../shared/contract/studioClient';
import type { StudioState, StudioStore } from '../state/studioState';

/** Main's events a wiring module forwards, each to one handler. */
export type EventHandlers = { [E in EventName]?: (payload: EventPayload<E>) => void };

/** Subscribes every handler to its event; returns one function that stops them all. */
export function subscribeEvents(client: StudioClient, handlers: EventHandlers): () => void {
  const stops = (Object.keys(handlers) as EventName[]).map((event) =>
    client.subscribe(event, handlers[event] as (payload: EventPayload<typeof event>) => void),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * Runs `effect` now and whenever the values `select` picks change (compared one by one), the
 * store's counterpart of an effect with dependencies. Returns the unsubscribe.
 */
export function whenChanged<T extends readonly unknown[]>(
  store: StudioStore,
  select: (state: StudioState) => T,
  effect: (values: T) => void,
): () => void {
  let last = select(store.getState());
  effect(last);
  return store.subscribe((state) => {
    const next = select(state);
    if (next.length === last.length && next.every((value, index) => Object.is(value, last[index]))) return;
    last = next;
    effect(next);
  });
}

/** Stops several wirings at once. */
export function stopAll(stops: (() => void)[]): () => void {
  return () => stops.forEach((stop) => stop());
}
