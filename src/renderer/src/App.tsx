import { useEffect } from 'react';
import { onConnectionState, studio } from './api/client';
import { ConnectionBanner } from './components/ConnectionBanner';
import { TopBar } from './components/TopBar';
import { HistoryPage } from './features/history/HistoryPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { StudioPage } from './features/studio/StudioPage';
import { useStudio } from './store';
import { selectView } from './store/navigationSlice';

/** The studio shell: live bar on top, then the current view. */
export function App() {
  const view = useStudio(selectView);

  useEffect(() => {
    const { setConnection, loadSettings, applySettings } = useStudio.getState();
    const stopState = onConnectionState((state) => {
      setConnection(state);
      if (state === 'open') void loadSettings();
    });
    const stopSettings = studio.subscribe('settings.changed', applySettings);
    return () => {
      stopState();
      stopSettings();
    };
  }, []);

  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      <main className="app-main" aria-label={view === 'studio' ? 'Studio' : view === 'history' ? 'History' : 'Settings'}>
        {view === 'studio' && <StudioPage />}
        {view === 'history' && <HistoryPage />}
        {view === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
