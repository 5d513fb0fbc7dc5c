import type { ModerationItem } from '../../../../shared/domain/chat';

/**
 * Keyboard triage of the moderation queue as a pure reducer: a key and the current queue give the
 * next selection and at most one command for the UI to carry out. Keys (no modifiers):
 *
 * | key | held message        | report                       | stage request   |
 * |-----|---------------------|------------------------------|-----------------|
 * | j/k | next / previous     | next / previous              | next / previous |
 * | a   | approve (show it)   | uphold (delete the message)  | let on stage    |
 * | r   | reject (drop it)    | dismiss the report           | refuse          |
 * | d   | drop it             | delete the message           | —               |
 * | t   | time out 5 min, drop| time out 5 min, delete       | time out, refuse|
 * | b   | ban (stream), drop  | ban (stream), delete         | ban, refuse     |
 *
 * "Drop" and "delete" are the decision that removes the content; timeout and ban also resolve the
 * item that way, so one key clears the item and deals with its author.
 */

export type TriageIntent = 'next' | 'previous' | 'approve' | 'reject' | 'delete' | 'timeout' | 'ban';

/** What the UI must do after a key. */
export type TriageCommand =
  | { type: 'decide'; item: ModerationItem; decision: 'approve' | 'reject' }
  | { type: 'timeout'; item: ModerationItem; minutes: 5; then: 'approve' | 'reject' }
  | { type: 'ban'; item: ModerationItem; then: 'approve' | 'reject' }
  /** The key means nothing for this item; say why. */
  | { type: 'explain'; message: string };

export interface TriageResult {
  selectedId: string | null;
  command: TriageCommand | null;
}

const KEYS: Record<string, TriageIntent> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  a: 'approve',
  r: 'reject',
  d: 'delete',
  t: 'timeout',
  b: 'ban',
};

/** Keys that are not characters: WCAG 2.1.4 does not cover them, so they work with shortcuts off. */
const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp']);

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The intent of a key press, or null for keys triage does not use (or with modifiers held).
 * With `singleKeys` off, only the arrow keys count.
 */
export function intentOfKey(event: KeyLike, singleKeys = true): TriageIntent | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (!singleKeys && !NAVIGATION_KEYS.has(event.key)) return null;
  return KEYS[event.key] ?? null;
}

/** ? (Shift+/ on most layouts) opens the shortcut list. */
export function isHelpKey(event: KeyLike): boolean {
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** The decision that removes an item's content: drop a held message, uphold a report, refuse a request. */
export function removingDecision(item: ModerationItem): 'approve' | 'reject' {
  return item.kind === 'report' ? 'approve' : 'reject';
}

/**
 * The selected item, kept valid as the queue changes: the same id while it is there; when it
 * leaves, the item now at its old position (so triage flows down the list); null when empty.
 */
export function reconcileSelection(
  previous: readonly ModerationItem[],
  next: readonly ModerationItem[],
  selectedId: string | null,
): string | null {
  if (next.length === 0) return null;
  if (selectedId !== null && next.some((item) => item.id === selectedId)) return selectedId;
  const oldIndex = selectedId === null ? 0 : previous.findIndex((item) => item.id === selectedId);
  return next[Math.min(Math.max(oldIndex, 0), next.length - 1)]!.id;
}

export function triage(items: readonly ModerationItem[], selectedId: string | null, intent: TriageIntent): TriageResult {
  if (items.length === 0) return { selectedId: null, command: null };
  const index = Math.max(
    0,
    items.findIndex((item) => item.id === selectedId),
  );
  const item = items[index]!;
  const selected = selectedId === null ? item.id : selectedId;
  switch (intent) {
    case 'next':
      return { selectedId: selectedId === null ? item.id : items[Math.min(index + 1, items.length - 1)]!.id, command: null };
    case 'previous':
      return { selectedId: items[Math.max(index - 1, 0)]!.id, command: null };
    case 'approve':
    case 'reject':
      return { selectedId: selected, command: { type: 'decide', item, decision: intent } };
    case 'delete':
      if (item.kind === 'stage_request')
        return {
          selectedId: selected,
          command: { type: 'explain', message: 'A stage request has no message to delete; press r to refuse it.' },
        };
      return { selectedId: selected, command: { type: 'decide', item, decision: removingDecision(item) } };
    case 'timeout':
      return { selectedId: selected, command: { type: 'timeout', item, minutes: 5, then: removingDecision(item) } };
    case 'ban':
      return { selectedId: selected, command: { type: 'ban', item, then: removingDecision(item) } };
  }
}
