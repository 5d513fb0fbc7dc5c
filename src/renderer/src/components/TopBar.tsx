import { useStudio } from '../store';
import type { View } from '../store/navigationSlice';

const TABS: { view: View; label: string }[] = [
  { view: 'studio', label: 'Studio' },
  { view: 'history', label: 'History' },
  { view: 'settings', label: 'Settings' },
];

/** Brand, live status and navigation. The status reads "Not live" until a stream starts. */
export function TopBar() {
  const view = useStudio((state) => state.view);
  const navigate = useStudio((state) => state.navigate);
  return (
    <header className="topbar">
      <div className="brand" aria-label="Airdeck">
        <span className="brand-mark" aria-hidden="true">◉</span> Airdeck
      </div>
      <div className="live-status" role="status" aria-label="Stream status">
        <span className="live-dot idle" aria-hidden="true" />
        Not live
      </div>
      <nav className="tabs" aria-label="Main">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            className={tab.view === view ? 'tab active' : 'tab'}
            aria-current={tab.view === view ? 'page' : undefined}
            onClick={() => navigate(tab.view)}
          >
            {tab.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
