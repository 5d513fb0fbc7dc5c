import { RoomEvent } from 'livekit-client';
import { PageRoom, type PageRoomEvents } from './pageRoom';

/**
 * A subscribe-only connection to the program room for the viewer page, emitting exactly the events
 * every page room has. Media elements are attached through {@link attach}; video playback counts as
 * blocked too, since viewers watch.
 */
export class ViewerRoom extends PageRoom<PageRoomEvents> {
  constructor() {
    // adaptiveStream: LiveKit sends each video at the size it is shown and pauses hidden ones,
    // which matters on phones. Viewers never publish, so dynacast does not apply.
    super({ adaptiveStream: true, dynacast: false });
    const changed = (): void => this.emitParticipants();
    this.room
      .on(RoomEvent.TrackMuted, changed)
      .on(RoomEvent.TrackUnmuted, changed)
      .on(RoomEvent.VideoPlaybackStatusChanged, () => this.emitPlayback());
  }

  protected isPlaybackBlocked(): boolean {
    return !this.room.canPlaybackAudio || !this.room.canPlaybackVideo;
  }
}
