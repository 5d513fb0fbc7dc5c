/** Arguments an event's listeners receive: none for `void` events, else the one payload. */
export type EventArgs<Payload> = [Payload] extends [void] ? [] : [payload: Payload];

type Listener<Payload> = (...args: EventArgs<Payload>) => void;
/** Transports forward events they do not interpret, so they see the payload as `unknown`. */
type AnyListener<Events> = (event: keyof Events, payload: unknown) => unknown;

/**
 * The one event mechanism of the code base: a map from event name to payload type fixes what each
 * listener receives, `on` returns its own unsubscribe, and `onAny` serves transports that forward
 * every event. Listeners run in subscription order over a snapshot, so a listener may unsubscribe
 * itself (or others) while an event is being delivered.
 */
export class Emitter<Events extends { [E in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();
  private readonly anyListeners = new Set<AnyListener<Events>>();

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => {
      set.delete(listener as Listener<never>);
      // An event nobody listens to any more costs emit nothing: no empty set left to copy.
      if (set.size === 0 && this.listeners.get(event) === set) this.listeners.delete(event);
    };
  }

  /** Subscribes to the next delivery of one event only. */
  once<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    const off = this.on(event, ((...args: EventArgs<Events[E]>) => {
      off();
      listener(...args);
    }) as Listener<Events[E]>);
    return off;
  }

  /** Subscribes to every event, with its name; returns the unsubscribe function. */
  onAny(listener: AnyListener<Events>): () => void {
    this.anyListeners.add(listener);
    return () => {
      this.anyListeners.delete(listener);
    };
  }

  emit<E extends keyof Events>(event: E, ...args: EventArgs<Events[E]>): void {
    const listeners = this.listeners.get(event);
    if (listeners?.size === 1) {
      // The common case on hot paths (media packets): no snapshot array; `break` keeps a listener
      // added during delivery from receiving this event, as the snapshot would.
      for (const listener of listeners) {
        (listener as Listener<Events[E]>)(...args);
        break;
      }
    } else if (listeners !== undefined && listeners.size > 1) {
      for (const listener of [...listeners]) (listener as Listener<Events[E]>)(...args);
    }
    if (this.anyListeners.size === 0) return;
    for (const listener of [...this.anyListeners]) listener(event, args[0]);
  }

  /** How many listeners one event has, for owners that start or stop work with the first or last one. */
  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Drops every listener, for owners being disposed. */
  clear(): void {
    this.listeners.clear();
    this.anyListeners.clear();
  }
}
