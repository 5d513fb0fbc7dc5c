import type { ChatMessage } from '../../../../shared/domain/chat';

/**
 * Changes to a visible chat list, queued between animation frames and applied in one step, so a
 * flood of messages costs one store update (and one render) per frame instead of one per message.
 */
export type ChatOp =
  | { kind: 'messages'; messages: readonly ChatMessage[] }
  | { kind: 'deleted'; id: string }
  /**
   * Replace the list with a fresh history page (another stream, or after a reconnect). With
   * `keepNewerThan`, messages already shown with a higher seq stay: they arrived as events while
   * the page was on its way.
   */
  | { kind: 'reset'; messages: readonly ChatMessage[]; keepNewerThan?: number };

/** Messages a list keeps; older ones fall off the top (history has the rest). */
export const CHAT_KEEP = 500;

/** Index of the first message with a seq greater than `seq` (binary search; messages are in seq order). */
function insertionIndex(list: readonly ChatMessage[], seq: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.seq <= seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Applies queued ops to a seq-ordered list: new ids are inserted in seq order (the common case is
 * an append), known ids are ignored (a replay or an event and a history page overlapping), deleted
 * ids are removed and not re-added by a later op in the same batch, and the list is capped.
 * Returns the same array when nothing changed, so selectors do not re-render for nothing.
 */
export function applyChatOps(current: readonly ChatMessage[], ops: readonly ChatOp[], keep = CHAT_KEEP): readonly ChatMessage[] {
  let list: ChatMessage[] | null = null;
  let ids: Set<string> | null = null;
  const deleted = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'deleted') {
      deleted.add(op.id);
      continue;
    }
    if (op.kind === 'reset') {
      const keep = op.keepNewerThan;
      list = keep === undefined ? [] : (list ?? current).filter((m) => m.seq > keep);
      ids = new Set(list.map((m) => m.id));
    }
    ids ??= new Set(current.map((m) => m.id));
    for (const message of op.messages) {
      if (ids.has(message.id) || deleted.has(message.id)) continue;
      // Copy on the first real change only, so an op that adds nothing keeps the array identity.
      list ??= current.slice();
      ids.add(message.id);
      const last = list.at(-1);
      if (!last || last.seq < message.seq) list.push(message);
      else list.splice(insertionIndex(list, message.seq), 0, message);
    }
  }
  const base: readonly ChatMessage[] = list ?? current;
  const result = deleted.size > 0 && base.some((m) => deleted.has(m.id)) ? base.filter((m) => !deleted.has(m.id)) : base;
  if (result === current) return current;
  return result.length > keep ? result.slice(result.length - keep) : result;
}
