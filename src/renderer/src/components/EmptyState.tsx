import type { ReactNode } from 'react';

/** A calm placeholder that says what will appear here and how to get there. */
export function EmptyState(props: { title: string; children: ReactNode; icon?: string }) {
  return (
    <div className="empty-state">
      <div className="empty-icon" aria-hidden="true">
        {props.icon ?? '○'}
      </div>
      <h2>{props.title}</h2>
      <p>{props.children}</p>
    </div>
  );
}
