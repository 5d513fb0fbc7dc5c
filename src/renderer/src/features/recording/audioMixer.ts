import { logger } from '../../logging/logger';

/**
 * Mixes the voices on the program (the host's microphone and the stage guests') into one audio
 * track for the recording. Sources are added and removed as people come and go.
 */
export class AudioMixer {
  private readonly context = new AudioContext();
  private readonly destination = this.context.createMediaStreamDestination();
  private readonly sources = new Map<string, MediaStreamAudioSourceNode>();

  get track(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0]!;
  }

  /** Makes the mix exactly `tracks` (live ones only). */
  update(tracks: readonly MediaStreamTrack[]): void {
    if (this.context.state === 'suspended')
      void this.context.resume().catch((error: unknown) => logger.warn('The program audio mix could not resume', error));
    const wanted = new Map(tracks.filter((track) => track.readyState === 'live').map((track) => [track.id, track]));
    for (const [id, source] of this.sources) {
      if (!wanted.has(id)) {
        source.disconnect();
        this.sources.delete(id);
      }
    }
    for (const [id, track] of wanted) {
      if (this.sources.has(id)) continue;
      const source = this.context.createMediaStreamSource(new MediaStream([track]));
      source.connect(this.destination);
      this.sources.set(id, source);
    }
  }

  async close(): Promise<void> {
    for (const source of this.sources.values()) source.disconnect();
    this.sources.clear();
    // Closing a context that already closed fails; there is nothing left to release then.
    await this.context.close().catch(() => undefined);
  }
}
