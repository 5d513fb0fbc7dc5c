import { useEffect } from 'react';

export interface GuestHeaderProps {
  /** The stream title, when known. */
  title: string | null;
  /** A short state badge ("On stage", "Backstage"); null hides it. */
  badge: { text: string; tone: 'live' | 'calm' } | null;
}

/** Brand, stream title and the guest's state at a glance. */
export function GuestHeader({ title, badge }: GuestHeaderProps) {
  useEffect(() => {
    document.title = title ? `${title} · Guest · Airdeck` : 'Join as a guest · Airdeck';
  }, [title]);
  return (
    <header className="guest-header">
      <span className="guest-brand" aria-hidden="true">
        <span className="guest-brand-mark">●</span> Airdeck
      </span>
      <span className="guest-title">{title ?? ''}</span>
      {badge && <span className={`state-badge state-badge--${badge.tone}`}>{badge.text}</span>}
    </header>
  );
}
