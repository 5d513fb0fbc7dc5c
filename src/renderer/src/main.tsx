import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './logging/ErrorBoundary';
import { startLogging } from './logging/startLogging';
import { createStudio } from './store/createStudio';
import './theme.css';
import './buttons.css';
import './styles.css';

// The app's one studio (client, store, wiring) is built here, by the entry, so that no module
// connects when it is imported and the wiring test can build a studio over fakes.
const studio = createStudio();
// The studio and the moderator console reach main's log over their own session.
startLogging((reports) => studio.connection.client.invoke('diagnostics.report', { page: 'studio', reports }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
