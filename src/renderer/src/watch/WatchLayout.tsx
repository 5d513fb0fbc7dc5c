import type { ReactNode } from 'react';

export interface WatchLayoutProps {
  header: ReactNode;
  /** The program or the status panel. */
  stage: ReactNode;
  /** The chat panel, beside the stage on wide screens and below it on phones; absent until chat ships. */
  chat?: ReactNode;
}

/** The viewer page frame: header on top, the stage, and a separate slot for the chat panel. */
export function WatchLayout({ header, stage, chat }: WatchLayoutProps) {
  return (
    <div className={`watch${chat ? ' watch--with-chat' : ''}`}>
      {header}
      <main className="watch-main">
        <section className="watch-stage" aria-label="Program">
          {stage}
        </section>
        {chat && (
          <aside className="watch-chat" aria-label="Chat">
            {chat}
          </aside>
        )}
      </main>
    </div>
  );
}
