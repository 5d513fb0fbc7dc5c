import { useEffect, useRef } from 'react';

export interface CameraPreviewProps {
  /** The device check's camera track (before going on stage). */
  track?: MediaStreamTrack | null;
  /** Attaches our published camera (on stage); keyed by `attachKey` to re-attach on a new track. */
  attach?: (element: HTMLVideoElement) => () => void;
  attachKey?: string | null;
  /** What to show instead of video (no camera, camera off). */
  placeholder: string;
  /** Small label in the corner ("You", "Live"). */
  badge?: string;
}

/**
 * The guest's own camera, mirrored like a mirror (people expect it; the stream itself is not
 * mirrored). Shows either the device check's track or the published one.
 */
export function CameraPreview({ track = null, attach, attachKey = null, placeholder, badge }: CameraPreviewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !track) return;
    element.srcObject = new MediaStream([track]);
    return () => {
      element.srcObject = null;
    };
  }, [track]);
  useEffect(() => {
    const element = ref.current;
    if (!element || !attach || !attachKey) return;
    return attach(element);
  }, [attach, attachKey]);
  const hasVideo = !!track || (!!attach && !!attachKey);
  return (
    <figure className="self-preview" aria-label="Your camera preview">
      <video ref={ref} autoPlay playsInline muted hidden={!hasVideo} />
      {!hasVideo && <p className="self-preview-empty">{placeholder}</p>}
      {badge && <span className="self-preview-badge">{badge}</span>}
    </figure>
  );
}
