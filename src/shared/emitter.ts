/** Arguments an event's listeners receive: none for `void` events, else the one payload. */
export type EventArgs<Payload> = [Payload] extends [void] ? [] : [payload: Payload];

type Listener<Payload> = (...args: EventArgs<Payload>) => void;
/** Transports forward events they do not interpret, so they see the payload as `unknown`. */
type AnyListener<Events> = (event: keyof Events, payload: unknown) => unknown;

/**
 * The one event mechanism of the code base: a map from event name to payload type fixes what each
 * listener receives, `on` returns its own unsubscribe, and `onAny` serves transports that forward
 * every event. Listener lists are copied when someone subscribes or leaves, never when an event is
 * emitted: emit allocates nothing (media packets pass through here), and an event reaches exactly
 * those subscribed when it was emitted, even if listeners come or go during its delivery.
 */
export class Emitter<Events extends { [E in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, readonly Listener<never>[]>();
  private anyListeners: readonly AnyListener<Events>[] = [];

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    const added = listener as Listener<never>;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), added]);
    return () => {
      const rest = (this.listeners.get(event) ?? []).filter((each) => each !== added);
      if (rest.length > 0) this.listeners.set(event, rest);
      else this.listeners.delete(event);
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
    this.anyListeners = [...this.anyListeners, listener];
    return () => {
      this.anyListeners = this.anyListeners.filter((each) => each !== listener);
    };
  }

  emit<E extends keyof Events>(event: E, ...args: EventArgs<Events[E]>): void {
    const listeners = this.listeners.get(event);
    if (listeners !== undefined) for (const listener of listeners) (listener as Listener<Events[E]>)(...args);
    for (const listener of this.anyListeners) listener(event, args[0]);
  }

  /** How many listeners one event has, for owners that start or stop work with the first or last one. */
  listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Drops every listener, for owners being disposed. */
  clear(): void {
    this.listeners.clear();
    this.anyListeners = [];
  }
}
