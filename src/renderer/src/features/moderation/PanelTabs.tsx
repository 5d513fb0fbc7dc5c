import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface PanelTab<Id extends string> {
  id: Id;
  label: string;
  /** A count shown as a badge (e.g. items waiting in the queue); hidden when 0. */
  count?: number;
  /** Spoken with the count, e.g. "waiting". */
  countLabel?: string;
}

export interface PanelTabsProps<Id extends string> {
  tabs: readonly PanelTab<Id>[];
  active: Id;
  onChange: (id: Id) => void;
  label: string;
  children: ReactNode;
}

/**
 * Tabs with the WAI-ARIA tabs pattern (arrow keys move between tabs) for the dock and the console.
 * Only the active panel is rendered; the caller passes it as children.
 */
export function PanelTabs<Id extends string>({ tabs, active, onChange, label, children }: PanelTabsProps<Id>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = tabs.findIndex((tab) => tab.id === active);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onChange(next.id);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div className="panel-tabs">
      <div ref={list} className="panel-tablist" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            id={`${base}-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === active ? 0 : -1}
            className={tab.id === active ? 'panel-tab active' : 'panel-tab'}
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
            {tab.count !== undefined && tab.count > 0 && (
              <span className="count-badge">
                {tab.count > 99 ? '99+' : tab.count}
                <span className="visually-hidden"> {tab.countLabel ?? ''}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="panel-tabpanel" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${active}`}>
        {children}
      </div>
    </div>
  );
}
