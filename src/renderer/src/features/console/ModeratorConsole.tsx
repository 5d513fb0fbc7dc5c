import { useState } from 'react';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { useStudio } from '../../store';
import { selectChatStreamId } from '../../store/selectors/chat';
import { selectQueueCount } from '../../store/selectors/moderation';
import { StudioChat } from '../chat/StudioChat';
import { AuditLog } from '../moderation/AuditLog';
import { LiveAnnouncer } from '../moderation/LiveAnnouncer';
import { PanelTabs } from '../moderation/PanelTabs';
import { QueuePanel } from '../moderation/QueuePanel';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { SkipLink } from '../shortcuts/SkipLink';

type ConsoleTab = 'queue' | 'audit';

/**
 * What a co-moderator link opens: the queue, the audit log and the chat with its moderation
 * menu — and nothing else. No settings, no go-live or end, no invites; the server refuses those
 * methods for a moderator session anyway, this just does not offer them.
 */
export function ModeratorConsole() {
  const streamId = useStudio(selectChatStreamId);
  const queueCount = useStudio(selectQueueCount);
  const [tab, setTab] = useState<ConsoleTab>('queue');
  return (
    <div className="app console">
      <header className="topbar">
        <SkipLink onSkip={() => setTab('queue')} />
        <div className="brand" aria-label="Airdeck">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>{' '}
          Airdeck
        </div>
        <span className="console-role">Moderator console</span>
        <div className="live-status" role="status" aria-label="Stream status">
          <span className={streamId ? 'live-dot live' : 'live-dot'} aria-hidden="true" />
          {streamId ? 'Live' : 'Not live'}
        </div>
        <ShortcutsButton />
      </header>
      <ConnectionBanner />
      <main className="console-main" aria-label="Moderator console">
        <section className="console-panel" aria-label="Moderation">
          <PanelTabs
            label="Moderation"
            active={tab}
            onChange={setTab}
            tabs={[
              { id: 'queue', label: 'Queue', count: queueCount, countLabel: 'waiting' },
              { id: 'audit', label: 'Audit log' },
            ]}
          >
            {tab === 'queue' ? <QueuePanel /> : <AuditLog />}
          </PanelTabs>
        </section>
        <aside className="console-chat" aria-label="Chat">
          <h2 className="dock-title">Chat</h2>
          <StudioChat />
        </aside>
      </main>
      <LiveAnnouncer />
      <ShortcutsDialog />
    </div>
  );
}
