import type { AuditEntry, ModerationItem } from '../../../../shared/domain/chat';
import { describeResolved } from './describe';

/**
 * Queue and audit events, queued between animation frames and applied in one step: under a flood
 * with a busy queue, each held message brings three events (queued, resolved, audit), and one
 * store update per frame instead of one per event keeps the studio's frames short.
 */
export type ModerationOp =
  { kind: 'queued'; item: ModerationItem } | { kind: 'resolved'; item: ModerationItem } | { kind: 'audit'; entry: AuditEntry };

/** Audit rows kept in memory; the log view shows the newest. */
export const AUDIT_KEEP = 200;

export interface ModerationView {
  /** Pending items, oldest first. */
  queue: readonly ModerationItem[];
  /** Newest first. */
  audit: readonly AuditEntry[];
}

export function byCreatedAt(a: ModerationItem, b: ModerationItem): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** An item that joined the queue in this frame, with the queue's length right after it. */
export interface Arrival {
  item: ModerationItem;
  queueLength: number;
}

/**
 * Applies ops in order to the queue and audit log of `streamId` (the chat shown). Returns the new
 * view (same arrays when nothing changed, so selectors do not re-render), the items that arrived
 * (each once; the caller announces them through the arrival throttle, arrivalAnnouncer.ts) and the
 * sentences for resolved items, which are said at once (they answer the moderator's own action).
 */
export function applyModerationOps(
  view: ModerationView,
  ops: readonly ModerationOp[],
  streamId: string | null,
): ModerationView & { arrived: Arrival[]; announcements: string[] } {
  let queue = view.queue;
  let audit = view.audit;
  const arrived: Arrival[] = [];
  const announcements: string[] = [];
  for (const op of ops) {
    if (op.kind === 'queued') {
      const { item } = op;
      if (item.streamId !== streamId || item.status !== 'pending') continue;
      const rest = queue.filter((existing) => existing.id !== item.id);
      const isNew = rest.length === queue.length;
      queue = [...rest, item].sort(byCreatedAt);
      if (isNew) arrived.push({ item, queueLength: queue.length });
    } else if (op.kind === 'resolved') {
      const { item } = op;
      if (!queue.some((existing) => existing.id === item.id)) continue;
      queue = queue.filter((existing) => existing.id !== item.id);
      announcements.push(describeResolved(item, queue.length));
    } else {
      const { entry } = op;
      if (entry.streamId !== null && entry.streamId !== streamId) continue;
      if (audit.some((existing) => existing.id === entry.id)) continue;
      audit = [entry, ...audit].slice(0, AUDIT_KEEP);
    }
  }
  return { queue, audit, arrived, announcements };
}
