import { useEffect, useRef } from 'react';

/**
 * Plays one remote audio track so the host hears the guest. WebRTC audio is only rendered once
 * it is attached to a media element; the element has no controls and takes no space.
 */
export function TrackAudio(props: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([props.track]);
    // A blocked autoplay resolves on the next user gesture in the studio; nothing to show for it.
    void audio.play().catch(() => undefined);
    return () => {
      audio.srcObject = null;
    };
  }, [props.track]);
  return <audio ref={ref} autoPlay hidden />;
}
