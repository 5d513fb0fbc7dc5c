import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { studio } from './api/client';
import { ErrorBoundary } from './logging/ErrorBoundary';
import { sendLogsTo } from './logging/logger';
import { reportUncaughtErrors } from './logging/uncaughtErrors';
import './theme.css';
import './styles.css';

// The studio and the moderator console reach main's log over their own session.
sendLogsTo((reports) => studio.invoke('diagnostics.report', { page: 'studio', reports }));
reportUncaughtErrors();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
