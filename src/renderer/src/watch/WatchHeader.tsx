import { useEffect } from 'react';
import { formatDuration } from '../components/format';
import { SECOND_MS, useNow } from '../hooks/useNow';

export interface WatchHeaderProps {
  /** Stream title; null before anything is known. */
  title: string | null;
  /** Epoch ms the stream started, shown as elapsed time next to the LIVE badge; null when not live. */
  liveSince: number | null;
}

/** Brand, stream title, and while live the LIVE badge with the elapsed time. */
export function WatchHeader({ title, liveSince }: WatchHeaderProps) {
  const now = useNow(SECOND_MS, liveSince !== null);
  useEffect(() => {
    document.title = title ? `${title} · Airdeck` : 'Watch live · Airdeck';
  }, [title]);
  return (
    <header className="watch-header">
      <span className="watch-brand" aria-hidden="true">
        <span className="watch-brand-mark">●</span> Airdeck
      </span>
      <h1 className="watch-title">{title ?? 'Live stream'}</h1>
      {liveSince !== null && (
        <div className="watch-live">
          <span className="live-badge">LIVE</span>
          <span className="elapsed" role="timer" aria-label="Elapsed time">
            {formatDuration(Math.max(0, now - liveSince))}
          </span>
        </div>
      )}
    </header>
  );
}
