import { EmptyState } from '../../components/EmptyState';

/** The stage (program preview) with the right dock beside it. */
export function StudioPage() {
  return (
    <div className="studio-layout">
      <section className="stage" aria-label="Stage">
        <div className="program" aria-label="Program preview">
          <EmptyState title="Nothing on stage" icon="▢">
            The program you send to viewers is shown here.
          </EmptyState>
        </div>
      </section>
      <aside className="dock" aria-label="Chat and moderation">
        <h2 className="dock-title">Chat</h2>
        <EmptyState title="No chat yet" icon="☰">
          Messages from viewers and the moderation queue appear here while you are live.
        </EmptyState>
      </aside>
    </div>
  );
}
