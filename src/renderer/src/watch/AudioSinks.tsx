import { useEffect, useRef } from 'react';
import type { ViewerParticipant } from '../livekit/viewerTypes';
import type { AttachTrack } from './VideoTile';

function AudioSink({ trackSid, subscription, attach }: { trackSid: string; subscription: number; attach: AttachTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return attach(trackSid, element);
  }, [attach, trackSid, subscription]);
  return <audio ref={ref} autoPlay />;
}

/** Props of {@link AudioSinks}. */
export interface AudioSinksProps {
  participants: ViewerParticipant[];
  attach: AttachTrack;
}

/** Plays every subscribed audio track (host mic and screen audio; stage guests later). */
export function AudioSinks({ participants, attach }: AudioSinksProps) {
  const tracks = participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio' && t.subscribed));
  return (
    <div className="audio-sinks" hidden>
      {tracks.map((t) => (
        <AudioSink key={t.sid} trackSid={t.sid} subscription={t.subscription} attach={attach} />
      ))}
    </div>
  );
}
