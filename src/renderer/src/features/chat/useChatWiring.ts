import { useEffect } from 'react';
import { studio } from '../../api/client';
import { useStudio } from '../../store';

/**
 * Chat and moderation events from main into the store, and a fresh load whenever the link to main
 * opens (first load or after a drop: events sent while away are not replayed) and whenever a
 * stream starts or ends. Mounted by the studio dock and by the co-moderator console.
 */
export function useChatWiring(): void {
  const connection = useStudio((s) => s.connection);

  useEffect(() => {
    const s = useStudio.getState();
    const stops = [
      studio.subscribe('chat.messages', s.receiveChatMessages),
      studio.subscribe('chat.deleted', s.receiveChatDeleted),
      studio.subscribe('chat.pinned', s.applyChatPinned),
      studio.subscribe('chat.highlighted', s.applyChatHighlighted),
      studio.subscribe('moderation.queued', s.applyQueued),
      studio.subscribe('moderation.resolved', s.applyResolved),
      studio.subscribe('audit.appended', s.applyAudit),
      studio.subscribe('rules.changed', s.applyRules),
      studio.subscribe('stream.state', (payload) => {
        if ((payload.live?.streamId ?? null) !== useStudio.getState().chatStreamId) void reload();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    if (connection === 'open') void reload();
  }, [connection]);
}

async function reload(): Promise<void> {
  const s = useStudio.getState();
  await s.refreshChat();
  await Promise.all([s.refreshModeration(useStudio.getState().chatStreamId), s.loadRules()]);
}
