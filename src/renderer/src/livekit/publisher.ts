import {
  LocalAudioTrack,
  LocalVideoTrack,
  Track,
  type LocalParticipant,
  type LocalTrack,
  type LocalTrackPublication,
  type TrackPublishOptions,
} from 'livekit-client';
import type { SenderRef } from './localStats';

/** What the host sends; each maps to one LiveKit track source. */
export type HostSource = 'screen' | 'camera' | 'microphone';

/** The tracks to publish when going live; null means "not captured". */
export type HostMedia = Record<HostSource, MediaStreamTrack | null>;

const LK_SOURCE: Record<HostSource, Track.Source> = {
  screen: Track.Source.ScreenShare,
  camera: Track.Source.Camera,
  microphone: Track.Source.Microphone,
};

/**
 * Screen and camera go out in simulcast so viewers on weak links get a smaller layer. VP8 is
 * the codec every LiveKit server and browser decodes.
 */
const PUBLISH_OPTIONS: Record<HostSource, TrackPublishOptions> = {
  screen: { source: Track.Source.ScreenShare, name: 'screen', simulcast: true, videoCodec: 'vp8' },
  camera: { source: Track.Source.Camera, name: 'camera', simulcast: true, videoCodec: 'vp8' },
  microphone: { source: Track.Source.Microphone, name: 'microphone', dtx: true, red: true },
};

function wrap(source: HostSource, track: MediaStreamTrack): LocalTrack {
  // userProvidedTrack = true: the studio owns the device; LiveKit must not stop or reacquire it.
  return source === 'microphone' ? new LocalAudioTrack(track, undefined, true) : new LocalVideoTrack(track, undefined, true);
}

/**
 * Publishes the host's tracks and changes them while live. A device or source switch replaces
 * the MediaStreamTrack under the existing publication (LocalTrack.replaceTrack), so viewers keep
 * decoding without a republish; stopping a source mutes its publication.
 */
export class HostPublisher {
  constructor(private readonly participant: LocalParticipant) {}

  private publication(source: HostSource): LocalTrackPublication | undefined {
    return this.participant.getTrackPublication(LK_SOURCE[source]);
  }

  /** Publishes every captured track; `muted` sources start muted (e.g. mic muted before going live). */
  async publishAll(media: HostMedia, muted: Partial<Record<HostSource, boolean>>): Promise<void> {
    const order: HostSource[] = ['microphone', 'camera', 'screen'];
    await Promise.all(
      order.map(async (source) => {
        const track = media[source];
        if (!track) return;
        const local = wrap(source, track);
        if (muted[source]) await local.mute();
        await this.participant.publishTrack(local, PUBLISH_OPTIONS[source]);
      }),
    );
  }

  /**
   * Puts `track` on air for `source`: swapped under the existing publication when there is one,
   * published otherwise (first share, or after the browser's own "Stop sharing" unpublished it).
   * `null` mutes the publication so viewers see the source as off.
   */
  async replace(source: HostSource, track: MediaStreamTrack | null, keepMuted = false): Promise<void> {
    const publication = this.publication(source);
    const local = publication?.track;
    if (!track) {
      if (local && !local.isMuted) await local.mute();
      return;
    }
    if (local) {
      await local.replaceTrack(track, true);
      if (!keepMuted && local.isMuted) await local.unmute();
      return;
    }
    const created = wrap(source, track);
    if (keepMuted) await created.mute();
    await this.participant.publishTrack(created, PUBLISH_OPTIONS[source]);
  }

  /** Mutes or unmutes a published source; a source that is not published is left alone. */
  async setMuted(source: HostSource, muted: boolean): Promise<void> {
    const local = this.publication(source)?.track;
    if (!local) return;
    if (muted) await local.mute();
    else await local.unmute();
  }

  /** True when the source is published and not muted. */
  isOnAir(source: HostSource): boolean {
    const local = this.publication(source)?.track;
    return !!local && !local.isMuted;
  }

  /** Every sender with the source it carries, for the outgoing stats. */
  senders(): SenderRef[] {
    const refs: SenderRef[] = [];
    for (const publication of this.participant.trackPublications.values()) {
      const sender = publication.track?.sender;
      if (sender) refs.push({ source: publication.source, sender });
    }
    return refs;
  }
}
