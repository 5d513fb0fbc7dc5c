import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../logging/ErrorBoundary';
import { startLogging } from '../logging/startLogging';
import { PUBLIC_LOG_LIMITS, publicLogSender } from '../pageKit/pageLogging';
import { WatchApp } from './WatchApp';
import { WatchController } from './watchController';
import '../theme.css';
import './watch.css';
// After the page's own button sizes, as on the guest page, so a primary button keeps its colour.
import '../buttons.css';

// First, so whatever goes wrong from here on reaches the app log.
startLogging(publicLogSender('watch'), PUBLIC_LOG_LIMITS);

// One controller for the page's lifetime, outside React so StrictMode's double effects cannot
// open two rooms.
const controller = new WatchController();
controller.start();
// Leave the room when the tab goes away so the host's viewer count drops at once.
window.addEventListener('pagehide', () => controller.stop());
// A page restored from the back/forward cache has no room any more: look for the stream again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) controller.restart();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <WatchApp controller={controller} />
    </ErrorBoundary>
  </StrictMode>,
);
