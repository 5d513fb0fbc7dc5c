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

/** The link to main is open and this session is the owner's: the owner's own data may be loaded. */
function isOwnerOnline(state: StudioState): boolean {
  return state.connection === 'open' && state.sessionRole === 'owner';
}

/**
 * Runs `effect` each time the owner's session comes online (now too, if it already is) and, given
 * `key`, each time the value `key` picks changes while it stays online. Only primitives are
 * compared, so a store update allocates nothing. Returns the unsubscribe.
 */
export function whenOwnerOnline(
  store: StudioStore,
  effect: (state: StudioState) => void,
  key?: (state: StudioState) => unknown,
): () => void {
  let wasOnline = false;
  let lastKey: unknown = undefined;
  const check = (state: StudioState) => {
    const online = isOwnerOnline(state);
    const nextKey = key?.(state);
    const due = online && (!wasOnline || !Object.is(nextKey, lastKey));
    wasOnline = online;
    lastKey = nextKey;
    if (due) effect(state);
  };
  check(store.getState());
  return store.subscribe(check);
}

/** Stops several wirings at once. */
export function stopAll(stops: (() => void)[]): () => void {
  return () => stops.forEach((stop) => stop());
}
