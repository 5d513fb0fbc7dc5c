import type { ReactNode } from 'react';

export interface SessionViewProps {
  program: ReactNode;
  status: ReactNode;
  /**
   * The chat panel. Its own slot, below the guest's status on wide screens and last on phones;
   * absent until the chat component is dropped in.
   */
  chat?: ReactNode;
}

/** The page after joining: the program on the left, the guest's status and chat on the right. */
export function SessionView({ program, status, chat }: SessionViewProps) {
  return (
    <div className="session">
      <section className="session-program" aria-label="Program">
        {program}
      </section>
      <div className="session-side">
        {status}
        {chat && (
          <aside className="session-chat" aria-label="Chat">
            {chat}
          </aside>
        )}
      </div>
    </div>
  );
}
