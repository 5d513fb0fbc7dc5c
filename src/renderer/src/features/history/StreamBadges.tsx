import { endedUnexpectedly, type StreamRecord } from '../../../../shared/domain/stream';

/** What is worth knowing about a stream at a glance: live now, or ended by a crash, and its tags. */
export function StreamBadges(props: { stream: StreamRecord }) {
  const { stream } = props;
  return (
    <>
      {stream.status === 'live' && <span className="badge live">Live</span>}
      {endedUnexpectedly(stream) && (
        <span className="badge warn" title="Airdeck stopped while this stream was live; it ends at the last moment it was known to be on">
          Ended unexpectedly
        </span>
      )}
      {stream.tags.length > 0 && <span className="tags">{stream.tags.map((tag) => `#${tag}`).join(' ')}</span>}
    </>
  );
}
