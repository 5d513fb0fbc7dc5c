import { AppFailure } from '../../src/shared/result';
import type { RoomGateway } from '../../src/main/livekit/roomGateway';

/** An in-memory RoomService for service tests; `failWith` makes the next calls fail like LiveKit would. */
export class FakeRooms implements RoomGateway {
  readonly rooms = new Map<string, string>();
  failWith: AppFailure | null = null;
  readonly publishing = new Map<string, boolean>();
  readonly removed: string[] = [];
  readonly mutes: { identity: string; kind: 'audio' | 'video' }[] = [];

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
  async setGuestPublishing(_room: string, identity: string, canPublish: boolean): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.publishing.set(identity, canPublish);
  }
  async muteTrack(_room: string, identity: string, kind: 'audio' | 'video'): Promise<boolean> {
    if (this.failWith) throw this.failWith;
    this.mutes.push({ identity, kind });
    return true;
  }
  async removeParticipant(_room: string, identity: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.removed.push(identity);
  }
}
