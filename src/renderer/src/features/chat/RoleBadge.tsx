import type { ChatRole } from '../../../../shared/domain/chat';

const LABEL: Record<ChatRole, string | null> = { host: 'Host', moderator: 'Mod', guest: 'Guest', viewer: null };
const TITLE: Record<ChatRole, string> = { host: 'Host', moderator: 'Moderator', guest: 'Guest on stage', viewer: 'Viewer' };

/** A small role badge before a chatter's name; viewers have none (they are the default). */
export function RoleBadge({ role }: { role: ChatRole }) {
  const label = LABEL[role];
  if (!label) return null;
  return (
    <span className={`role-badge role-${role}`} title={TITLE[role]}>
      {label}
    </span>
  );
}
