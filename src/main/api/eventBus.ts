import type { EventName, EventPayload } from '../../shared/contract/studioApi';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Services emit studio events here; each transport (IPC window, control sockets) listens once and
 * forwards what its session's role may see.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Returns the function that removes the listener. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
