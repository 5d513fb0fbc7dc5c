import { ShortcutsButton } from '../features/shortcuts/ShortcutsButton';
import { SkipLink } from '../features/shortcuts/SkipLink';
import { useStudio } from '../store';
import { selectNavigate, selectView } from '../store/selectors/navigation';
import { DestinationsLive } from '../features/multistream/DestinationsLive';
import { LiveBar } from './LiveBar';
import type { View } from '../store/state/navigation';

const TABS: { view: View; label: string }[] = [
  { view: 'studio', label: 'Studio' },
  { view: 'history', label: 'History' },
  { view: 'settings', label: 'Settings' },
];

/** Brand, the live bar and navigation. It is always mounted, so it also holds the live wiring. */
export function TopBar() {
  const view = useStudio(selectView);
  const navigate = useStudio(selectNavigate);
  return (
    <header className="topbar">
      <SkipLink />
      <div className="brand" aria-label="Airdeck">
        <span className="brand-mark" aria-hidden="true">
          ◉
        </span>{' '}
        Airdeck
      </div>
      <LiveBar />
      <DestinationsLive />
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
      <ShortcutsButton />
    </header>
  );
}
