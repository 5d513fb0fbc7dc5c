/**
 * A minimal typed event emitter for the room wrappers: `on` returns its own unsubscribe, and the
 * callback types come from one map, so pages cannot subscribe with the wrong signature.
 */
export class TypedEmitter<Callbacks extends { [E in keyof Callbacks]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof Callbacks, Set<Callbacks[keyof Callbacks]>>();

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends keyof Callbacks>(event: E, callback: Callbacks[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(callback);
    return () => set.delete(callback);
  }

  protected emit<E extends keyof Callbacks>(event: E, ...args: Parameters<Callbacks[E]>): void {
    for (const callback of this.listeners.get(event) ?? []) (callback as (...a: typeof args) => void)(...args);
  }
}
