import { useEffect, useRef } from 'react';

/** Plays one local MediaStreamTrack (muted, inline), unmirrored: the preview shows what viewers see. */
export function TrackVideo(props: { track: MediaStreamTrack; label: string; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = new MediaStream([props.track]);
    return () => {
      video.srcObject = null;
    };
  }, [props.track]);
  return (
    <video
      ref={ref}
      className={props.className ? `track-video ${props.className}` : 'track-video'}
      aria-label={props.label}
      autoPlay
      muted
      playsInline
    />
  );
}
