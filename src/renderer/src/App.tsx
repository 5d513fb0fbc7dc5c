import { lazy, Suspense, useEffect } from 'react';
import { onConnectionState, onSessionRole, studio } from './api/client';
import { ConnectionBanner } from './components/ConnectionBanner';
import { TopBar } from './components/TopBar';
import { ModeratorConsole } from './features/console/ModeratorConsole';
import { SettingsPage } from './features/settings/SettingsPage';
import { ShortcutsDialog } from './features/shortcuts/ShortcutsDialog';
import { StudioPage } from './features/studio/StudioPage';
import { useStudio } from './store';
import { selectSessionRole } from './store/moderationSlice';
import { selectConnection, selectView } from './store/navigationSlice';

/**
 * History and its charts (recharts) are loaded when first opened: most sessions start live and
 * never open History, and its chunk was a large share of the studio's first load.
 */
const HistoryPage = lazy(() => import('./features/history/HistoryPage').then((module) => ({ default: module.HistoryPage })));

/**
 * The studio shell: live bar on top, then the current view. A co-moderator session (a moderator
 * link opened in a browser) gets the moderator console instead: the server says which in `hello`.
 */
export function App() {
  const view = useStudio(selectView);
  const role = useStudio(selectSessionRole);
  const connection = useStudio(selectConnection);

  useEffect(() => {
    const { setConnection, setSessionRole, applySettings, applyMultistreamStatus } = useStudio.getState();
    const stopState = onConnectionState(setConnection);
    const stopRole = onSessionRole(setSessionRole);
    const stopSettings = studio.subscribe('settings.changed', applySettings);
    const stopMultistream = studio.subscribe('multistream.status', applyMultistreamStatus);
    return () => {
      stopMultistream();
      stopState();
      stopRole();
      stopSettings();
    };
  }, []);

  // Settings are the owner's alone; a moderator asking would only be refused.
  useEffect(() => {
    if (connection === 'open' && role === 'owner') {
      void useStudio.getState().loadSettings();
      void useStudio.getState().loadDestinations();
    }
  }, [connection, role]);

  if (role === null) {
    return (
      <div className="app">
        <ConnectionBanner />
        <p className="page-loading" role="status">
          Connecting to the studio…
        </p>
      </div>
    );
  }
  if (role === 'moderator') return <ModeratorConsole />;

  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <main className="app-main" aria-label={view === 'studio' ? 'Studio' : view === 'history' ? 'History' : 'Settings'}>
        {view === 'studio' && <StudioPage />}
        {view === 'history' && (
          <Suspense
            fallback={
              <p className="page-loading" role="status">
                Loading history…
              </p>
            }
          >
            <HistoryPage />
          </Suspense>
        )}
        {view === 'settings' && <SettingsPage />}
      </main>
      <ShortcutsDialog />
    </div>
  );
}
