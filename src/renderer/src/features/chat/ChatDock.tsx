import { useStudio } from '../../store';
import { selectDockTab, selectSetDockTab } from '../../store/selectors/navigation';
import { selectQueueCount, selectSessionRole } from '../../store/selectors/moderation';
import { AuditLog } from '../moderation/AuditLog';
import { BanList } from '../moderation/BanList';
import { LiveAnnouncer } from '../moderation/LiveAnnouncer';
import { ModeratorLinkButton } from '../moderation/ModeratorLinkButton';
import { ModeratorSessions } from '../moderation/ModeratorSessions';
import { PanelTabs } from '../moderation/PanelTabs';
import { QueuePanel } from '../moderation/QueuePanel';
import { StudioChat } from './StudioChat';

/** The studio's right dock: chat, the moderation queue (with its count), and bans with the audit log. */
export function ChatDock() {
  const queueCount = useStudio(selectQueueCount);
  const role = useStudio(selectSessionRole);
  const tab = useStudio(selectDockTab);
  const setTab = useStudio(selectSetDockTab);
  return (
    <div className="chat-dock">
      <PanelTabs
        label="Chat and moderation"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'chat', label: 'Chat' },
          { id: 'queue', label: 'Queue', count: queueCount, countLabel: 'waiting' },
          { id: 'audit', label: 'Audit log' },
        ]}
      >
        {tab === 'chat' && <StudioChat />}
        {tab === 'queue' && <QueuePanel />}
        {tab === 'audit' && (
          <>
            <BanList />
            <AuditLog />
          </>
        )}
      </PanelTabs>
      {role === 'owner' && (
        <>
          <ModeratorLinkButton />
          <ModeratorSessions />
        </>
      )}
      <LiveAnnouncer />
    </div>
  );
}
