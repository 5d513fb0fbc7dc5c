import type { ViewerCount } from '../../shared/domain/live';

/**
 * Concurrent viewers of the live stream. Verified LiveKit webhooks are the source of truth once
 * any arrives for the room; until then (no webhook configured, or a tunnel that cannot reach us)
 * the host's own view of the room is used.
 */
export class ViewerCounter {
  private readonly viewers = new Set<string>();
  private webhookSeen = false;
  private roomViewCount = 0;
  private peakCount = 0;

  constructor(readonly streamId: string) {}

  viewerJoined(identity: string): void {
    this.webhookSeen = true;
    this.viewers.add(identity);
    this.notePeak();
  }

  viewerLeft(identity: string): void {
    this.webhookSeen = true;
    this.viewers.delete(identity);
  }

  /** Any verified webhook for the room switches the count to webhooks, even a non-viewer event. */
  webhookArrived(): void {
    this.webhookSeen = true;
  }

  reportRoomView(viewers: number): void {
    this.roomViewCount = viewers;
    this.notePeak();
  }

  current(): ViewerCount {
    return { streamId: this.streamId, viewers: this.count(), peak: this.peakCount, source: this.webhookSeen ? 'webhook' : 'room' };
  }

  private count(): number {
    return this.webhookSeen ? this.viewers.size : this.roomViewCount;
  }

  private notePeak(): void {
    this.peakCount = Math.max(this.peakCount, this.count());
  }
}
