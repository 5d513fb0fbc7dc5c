import { selectIsVoiceOnly } from '../selectors/live';
import type { StudioStore } from '../state/studioState';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * The owner's studio-wide keys: Ctrl/Cmd+D (mic), Ctrl/Cmd+E (camera), and ? for the list of
 * shortcuts. The co-moderator console has no capture, so its sessions get none of them.
 */
export function wireShortcuts(store: StudioStore, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    const state = store.getState();
    if (state.sessionRole !== 'owner') return;
    // ? lists the shortcuts from anywhere, but it is a single key: the Settings option that
    // turns off the queue's single keys turns it off too (the queue handles its own ?).
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
      if (state.settings?.studio.queueShortcuts === true && !event.defaultPrevented) {
        event.preventDefault();
        state.setShortcutsOpen(true);
      }
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    if (key !== 'd' && key !== 'e') return;
    // Ctrl+D would bookmark the page and Ctrl+E focus the address bar in a browser studio.
    event.preventDefault();
    if (key === 'd') void state.toggleMic();
    // Voice-only streams have no camera to turn on.
    else if (!selectIsVoiceOnly(state)) void state.toggleCamera();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
