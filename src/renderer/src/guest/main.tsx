import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../logging/ErrorBoundary';
import { startLogging } from '../logging/startLogging';
import { PUBLIC_LOG_LIMITS, publicLogSender } from '../pageKit/pageLogging';
import { GuestApp } from './GuestApp';
import { GuestController } from './guestController';
// The program renderer is the viewer page's; its styles come with it.
import '../theme.css';
import '../watch/watch.css';
import '../buttons.css';
import './guest.css';

// First, so whatever goes wrong from here on reaches the app log.
startLogging(publicLogSender('guest'), PUBLIC_LOG_LIMITS);

// One controller for the page's lifetime, outside React so StrictMode's double effects cannot
// open two rooms or redeem twice.
const controller = new GuestController();
void controller.start();
// Leave the room when the tab goes away so the host sees the guest leave at once.
window.addEventListener('pagehide', () => controller.stop());
// Back from the back/forward cache: the room is gone; resume from the stored session.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) void controller.start();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <GuestApp controller={controller} />
    </ErrorBoundary>
  </StrictMode>,
);
