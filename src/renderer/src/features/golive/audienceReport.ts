import type { StudioClient } from '../../../../shared/contract/studioClient';
import { ROOM_VIEW_BATCH, type RoomViewer } from '../../../../shared/contract/streamApi';
import type { AudienceChange } from '../../livekit/hostRoom';

/**
 * The host's own view of the audience, told to main: the count at once when it changed (and as a
 * heartbeat), with the joins and leaves since the last report, in batches the contract allows.
 * A rejoin cancels a pending leave and vice versa.
 */
export class AudienceReport {
  private readonly pendingJoined = new Map<string, RoomViewer>();
  private readonly pendingLeft = new Set<string>();
  private reported = -1;

  constructor(
    private readonly api: Pick<StudioClient, 'invoke'>,
    /** What main answered: the count and peak it keeps for `streamId`. */
    private readonly onCount: (streamId: string, viewers: number, peak: number) => void,
  ) {}

  note(change: AudienceChange): void {
    for (const viewer of change.joined) {
      this.pendingLeft.delete(viewer.identity);
      this.pendingJoined.set(viewer.identity, viewer);
    }
    for (const identity of change.left) {
      this.pendingJoined.delete(identity);
      this.pendingLeft.add(identity);
    }
  }

  reset(): void {
    this.pendingJoined.clear();
    this.pendingLeft.clear();
    this.reported = -1;
  }

  /** Reports `viewers` for `streamId`; stops between batches once `current` says the stream moved on. */
  async report(streamId: string, viewers: number, heartbeat: boolean, current: () => boolean): Promise<void> {
    if (!heartbeat && viewers === this.reported) return;
    this.reported = viewers;
    do {
      const joined = [...this.pendingJoined.values()].slice(0, ROOM_VIEW_BATCH);
      const left = [...this.pendingLeft].slice(0, ROOM_VIEW_BATCH);
      for (const viewer of joined) this.pendingJoined.delete(viewer.identity);
      for (const identity of left) this.pendingLeft.delete(identity);
      const changes = { ...(joined.length > 0 ? { joined } : {}), ...(left.length > 0 ? { left } : {}) };
      const result = await this.api.invoke('stream.reportRoomView', { streamId, viewers, ...changes });
      if (result.ok && result.value.streamId === streamId) this.onCount(streamId, result.value.viewers, result.value.peak);
    } while (this.pendingJoined.size + this.pendingLeft.size > 0 && current());
  }
}
