import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/domain/chat';
import { autoscroll, countNewer, initialAutoscroll, unseenLabel } from './autoscroll';
import { ESTIMATED_ROW_HEIGHT, rowAt, rowOffsets, visibleWindow } from './windowing';
import './chatList.css';

export interface VirtualChatListProps {
  messages: readonly ChatMessage[];
  renderMessage: (message: ChatMessage) => ReactNode;
  /** Accessible name of the list. */
  label: string;
  /** Shown when there are no messages. */
  empty: ReactNode;
  /** Keep screen readers from reading new rows (the reader paused the chat). */
  quiet?: boolean;
}

/**
 * A chat list that renders only the rows in view (plus a few), measures each rendered row once
 * and positions rows absolutely from the prefix sums of their heights. It follows new messages
 * while the reader is at the bottom; scrolled up, it keeps the reader's place (even as old rows
 * fall off the top) and offers a jump with the count of unseen messages.
 */
export function VirtualChatList({ messages, renderMessage, label, empty, quiet = false }: VirtualChatListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  /** Measured row heights by message id; rows not measured yet use the estimate. */
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const messagesRef = useRef(messages);
  /**
   * How far the viewport is scrolled up from the end. The viewport is a column-reverse flex box,
   * so the browser itself keeps it at the end as rows are added (scrollTop 0, negative above):
   * following a flood needs no scroll writes and no forced layouts.
   */
  const [fromBottom, setFromBottom] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const [scroll, dispatch] = useReducer(autoscroll, initialAutoscroll);
  const lastSeq = useRef(messages.at(-1)?.seq ?? 0);
  const lastFromBottom = useRef(0);
  /** The first row in view and how far into it the viewport starts: kept in place while scrolled up. */
  const anchor = useRef<{ id: string; delta: number } | null>(null);

  const offsets = useMemo(() => rowOffsets(messages.map((m) => heights.get(m.id) ?? ESTIMATED_ROW_HEIGHT)), [messages, heights]);
  const totalHeight = offsets[messages.length] ?? 0;
  const height = viewportHeight || 600;
  /** Top of the viewport in list coordinates, for the windowing math. */
  const topOf = (distance: number) => Math.max(0, totalHeight - height - distance);
  const range = visibleWindow(offsets, topOf(scroll.following ? 0 : fromBottom), height);

  // Count what arrived while the reader is scrolled up.
  useEffect(() => {
    const newest = messages.at(-1)?.seq ?? 0;
    if (newest > lastSeq.current) dispatch({ type: 'appended', count: countNewer(messages, lastSeq.current) });
    lastSeq.current = Math.max(lastSeq.current, newest);
  }, [messages]);

  const onScroll = () => {
    const element = viewportRef.current;
    if (!element) return;
    const distance = Math.max(0, -element.scrollTop);
    const top = topOf(distance);
    const index = rowAt(offsets, top);
    const row = messages[index];
    anchor.current = row ? { id: row.id, delta: top - offsets[index]! } : null;
    dispatch({ type: 'scrolled', distance, movedUp: distance > lastFromBottom.current + 1 });
    lastFromBottom.current = distance;
    setFromBottom(distance);
  };

  useLayoutEffect(() => {
    messagesRef.current = messages;
  });

  // Scrolled up, rows added below (or dropped above) would move the text under the reader: put
  // the anchored row back where it was. Nothing to do while following (see `fromBottom`).
  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element || scroll.following || !anchor.current) return;
    const index = messages.findIndex((m) => m.id === anchor.current!.id);
    if (index < 0) return;
    const desired = Math.max(0, totalHeight - height - (offsets[index]! + anchor.current.delta));
    if (Math.abs(desired - lastFromBottom.current) <= 1) return;
    lastFromBottom.current = desired;
    element.scrollTop = -desired;
  }, [offsets, totalHeight, messages, scroll.following, height]);

  // One observer for every rendered row's height. Created on first use: rows attach (ref
  // callbacks) before effects run, and the first rows must be measured too.
  const rowObserver = useRef<ResizeObserver | null>(null);
  const rowObserverFor = (): ResizeObserver => {
    // Observer callbacks come once per frame with every row that changed: one state update.
    rowObserver.current ??= new ResizeObserver((entries) => {
      setHeights((previous) => {
        let next: Map<string, number> | null = null;
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.id;
          const height = Math.ceil(entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
          if (!id || height === 0 || previous.get(id) === height) continue;
          next ??= new Map(previous);
          next.set(id, height);
        }
        if (!next) return previous;
        // Forget rows that left the list, so the map stays about the size of the list.
        const current = messagesRef.current;
        if (next.size > current.length * 2 + 50) {
          const ids = new Set(current.map((m) => m.id));
          for (const id of next.keys()) if (!ids.has(id)) next.delete(id);
        }
        return next;
      });
    });
    return rowObserver.current;
  };
  const rowObserverForRef = useRef(rowObserverFor);

  // Rows leave the DOM as the window moves: stop observing them then, or the observer keeps them alive.
  const observeRow = useCallback((element: HTMLDivElement | null) => {
    if (!element) return;
    const observer = rowObserverForRef.current();
    observer.observe(element);
    return () => observer.unobserve(element);
  }, []);

  // The viewport's height, for the windowing math; and the row observer's end with the list.
  useEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const viewportObserver = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    viewportObserver.observe(element);
    return () => {
      viewportObserver.disconnect();
      rowObserver.current?.disconnect();
      rowObserver.current = null;
    };
  }, []);

  const jump = () => {
    dispatch({ type: 'jumped' });
    lastFromBottom.current = 0;
    setFromBottom(0);
    if (viewportRef.current) viewportRef.current.scrollTop = 0;
  };

  const rows: ReactNode[] = [];
  for (let i = range.start; i < range.end; i += 1) {
    const message = messages[i]!;
    rows.push(
      <div
        key={message.id}
        ref={observeRow}
        data-id={message.id}
        className="chat-row-slot"
        role="listitem"
        style={{ transform: `translateY(${offsets[i]}px)` }}
      >
        {renderMessage(message)}
      </div>,
    );
  }

  return (
    <div className="chat-list">
      {/*
        A log: screen readers read new rows as they are added. Scrolled up, rows appear because the
        reader moved, not because anyone spoke, so the log goes quiet until they follow again.
      */}
      <div
        ref={viewportRef}
        className="chat-viewport"
        onScroll={onScroll}
        tabIndex={0}
        role="log"
        aria-live={scroll.following && !quiet ? 'polite' : 'off'}
        aria-label={label}
      >
        {messages.length === 0 ? (
          <div className="chat-empty">{empty}</div>
        ) : (
          <div className="chat-spacer" role="list" aria-label={label} style={{ height: totalHeight }}>
            {rows}
          </div>
        )}
      </div>
      {!scroll.following && messages.length > 0 && (
        <button type="button" className="chat-jump" onClick={jump}>
          {unseenLabel(scroll.unseen)} ↓
        </button>
      )}
    </div>
  );
}
