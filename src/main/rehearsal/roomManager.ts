/** Holds the rooms of the dev server by name. */
import { DisconnectReason } from '@livekit/protocol';
import { Emitter } from '../../shared/emitter';
import type { ServerConfig } from './config';
import { Room, type RoomOptions } from './room';
import type { WebhookEvents } from './webhooks';

export class RoomManager {
  readonly rooms = new Map<string, Room>();
  /** What happens in every room, for webhooks. */
  readonly events = new Emitter<WebhookEvents>();

  constructor(private readonly config: ServerConfig) {}

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Returns the open room `name`, creating it (webhook room_started) if needed. */
  getOrCreate(name: string, options: Partial<RoomOptions> = {}): Room {
    const existing = this.rooms.get(name);
    if (existing && !existing.closed) return existing;
    const room = new Room(
      name,
      {
        emptyTimeoutSec: options.emptyTimeoutSec || this.config.emptyTimeoutSec,
        departureTimeoutSec: options.departureTimeoutSec || this.config.departureTimeoutSec,
        maxParticipants: options.maxParticipants ?? 0,
        metadata: options.metadata ?? '',
      },
      this.events,
    );
    room.on('closed', () => {
      if (this.rooms.get(name) === room) this.rooms.delete(name);
    });
    this.rooms.set(name, room);
    return room;
  }

  /** Closes every room (server shutdown). */
  closeAll(): void {
    for (const room of [...this.rooms.values()]) room.close(DisconnectReason.SERVER_SHUTDOWN);
  }
}
