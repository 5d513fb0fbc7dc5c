import { AppFailure } from '../../src/shared/result';
import type { RoomGateway } from '../../src/main/livekit/roomGateway';

/** An in-memory RoomService for service tests; `failWith` makes the next calls fail like LiveKit would. */
export class FakeRooms implements RoomGateway {
  readonly rooms = new Map<string, string>();
  failWith: AppFailure | null = null;

  async createRoom(name: string, metadata: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.rooms.set(name, metadata);
  }
  async deleteRoom(name: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.rooms.delete(name);
  }
  async updateRoomMetadata(name: string, metadata: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    if (!this.rooms.has(name)) throw new AppFailure('not_found', 'requested room does not exist');
    this.rooms.set(name, metadata);
  }
}
