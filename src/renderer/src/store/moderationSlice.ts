import type { StudioClient } from '../../../shared/contract/studioClient';

import type { AppError } from '../../../shared/result';
import { arrive, flush, initialArrivals } from '../features/moderation/arrivalAnnouncer';
import { FrameBatcher } from '../features/chat/frameBatcher';
import { describeQueued } from '../features/moderation/describe';
import { applyModerationOps, byCreatedAt, type ModerationOp } from '../features/moderation/moderationOps';
import type { SliceCreator } from './state/studioState';
import type { ModerationAction, ModerationSlice } from './state/moderation';

/** Pending items loaded with the queue: more than a moderator works through before events refresh it. */
const QUEUE_LIMIT = 200;
/** Newest audit entries shown in the live log. */
const AUDIT_LIMIT = 100;

/** What a finished action says to a screen reader. */
function describeAction(action: ModerationAction): string {
  switch (action.type) {
    case 'delete':
      return 'Message deleted.';
    case 'timeout':
      return `${action.name} timed out for ${action.minutes} minute${action.minutes === 1 ? '' : 's'}.`;
    case 'ban':
      return action.scope === 'always' ? `${action.name} banned from every stream.` : `${action.name} banned from this stream.`;
    case 'pin':
      return action.messageId ? 'Message pinned.' : 'Message unpinned.';
    case 'highlight':
      return action.messageId ? 'Message shown on the program.' : 'Highlight cleared.';
  }
}

export const createModerationSlice =
  (client: StudioClient): SliceCreator<ModerationSlice> =>
  (set, get) => {
    let refreshes = 0;
    /** Bumped per sentence, so a repeat of the same text is announced again. */
    let announcementId = 0;
    /** Queue arrivals are announced throttled and batched (see arrivalAnnouncer.ts). */
    let arrivals = initialArrivals();
    let arrivalTimer: ReturnType<typeof setTimeout> | null = null;

    const scheduleArrivals = (at: number | null) => {
      if (at === null || arrivalTimer !== null) return;
      arrivalTimer = setTimeout(
        () => {
          arrivalTimer = null;
          const step = flush(arrivals, Date.now(), get().queue.length);
          arrivals = step.state;
          if (step.say) get().announce(step.say);
          scheduleArrivals(step.flushAt);
        },
        Math.max(0, at - Date.now()),
      );
    };

    // Queue and audit events apply once per animation frame (see moderationOps.ts); new arrivals are
    // then announced through the throttle, decisions at once.
    const batcher = new FrameBatcher<ModerationOp>((ops) => {
      const state = get();
      const next = applyModerationOps(state, ops, state.chatStreamId);
      const sentences = [...next.announcements];
      for (const { item, queueLength } of next.arrived) {
        const step = arrive(arrivals, item.kind, queueLength, Date.now(), () => describeQueued(item, queueLength));
        arrivals = step.state;
        if (step.say) sentences.push(step.say);
        scheduleArrivals(step.flushAt);
      }
      const announcement = sentences.length > 0 ? { id: ++announcementId, text: sentences.join(' ') } : state.announcement;
      if (next.queue !== state.queue || next.audit !== state.audit || announcement !== state.announcement) {
        set({ queue: next.queue, audit: next.audit, announcement });
      }
    });

    async function run(action: ModerationAction): Promise<{ ok: true } | { ok: false; error: AppError }> {
      const streamId = get().chatStreamId ?? undefined;
      switch (action.type) {
        case 'delete':
          return client.invoke('chat.delete', { messageId: action.messageId });
        case 'timeout':
          return client.invoke('chat.timeout', { streamId, identity: action.identity, minutes: action.minutes });
        case 'ban':
          return client.invoke('chat.ban', { streamId, identity: action.identity, scope: action.scope });
        case 'pin':
          return client.invoke('chat.pin', { streamId, messageId: action.messageId });
        case 'highlight':
          return client.invoke('chat.highlight', { streamId, messageId: action.messageId });
      }
    }

    return {
      sessionRole: null,
      queue: [],
      audit: [],
      rules: null,
      rulesError: null,
      rulesSaving: false,
      rulesSavedAt: null,
      announcement: null,

      setSessionRole: (sessionRole) => set({ sessionRole }),
      announce: (text) => set({ announcement: { id: ++announcementId, text } }),

      refreshModeration: async (streamId) => {
        const attempt = ++refreshes;
        // Events that came before this load are applied first; the load's answer then wins.
        batcher.flush();
        if (streamId === null) {
          // A new stream starts with nothing pending to announce.
          if (arrivalTimer !== null) clearTimeout(arrivalTimer);
          arrivalTimer = null;
          arrivals = initialArrivals();
          set({ queue: [], audit: [] });
          return;
        }
        const [queue, audit] = await Promise.all([
          client.invoke('moderation.list', { streamId, status: 'pending', limit: QUEUE_LIMIT }),
          client.invoke('moderation.audit', { streamId, limit: AUDIT_LIMIT }),
        ]);
        if (attempt !== refreshes) return;
        if (queue.ok) set({ queue: [...queue.value.items].sort(byCreatedAt) });
        if (audit.ok) set({ audit: audit.value.entries });
      },

      applyQueued: (item) => batcher.push({ kind: 'queued', item }),
      applyResolved: (item) => batcher.push({ kind: 'resolved', item }),
      applyAudit: (entry) => batcher.push({ kind: 'audit', entry }),

      decide: async (item, decision) => {
        const result = await client.invoke('moderation.decide', { itemId: item.id, decision });
        if (!result.ok) {
          get().announce(`Could not ${decision} this item: ${result.error.message}`);
          return false;
        }
        // The resolved event usually comes first; this covers a transport without events.
        get().applyResolved(result.value);
        return true;
      },

      moderate: async (action) => {
        const result = await run(action);
        get().announce(result.ok ? describeAction(action) : `That did not work: ${result.error.message}`);
        return result.ok;
      },

      loadRules: async () => {
        const result = await client.invoke('rules.get', {});
        if (result.ok) set({ rules: result.value, rulesError: null });
        else set({ rulesError: result.error });
      },

      applyRules: (rules) => set({ rules }),

      saveRules: async (update) => {
        set({ rulesSaving: true, rulesError: null, rulesSavedAt: null });
        const result = await client.invoke('rules.update', update);
        if (result.ok) set({ rules: result.value, rulesSaving: false, rulesSavedAt: Date.now() });
        else set({ rulesError: result.error, rulesSaving: false });
        return result.ok;
      },

      createModeratorLink: async (label) => {
        const result = await client.invoke('moderation.createModeratorLink', { label });
        return result.ok ? { ok: true, url: result.value.url } : { ok: false, error: result.error };
      },
    };
  };
