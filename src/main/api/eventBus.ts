import type { StudioEventPayloads } from '../../shared/contract/studioApi';
import { Emitter } from '../../shared/emitter';

/**
 * Services emit studio events here; each transport (IPC window, control sockets) subscribes with
 * `onAny` and forwards what its session's role may see, while services that react to one event
 * subscribe to it by name with its payload typed.
 */
export class EventBus extends Emitter<StudioEventPayloads> {}
