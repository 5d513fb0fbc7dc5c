import { useEffect } from 'react';
import { studio } from '../../api/client';
import { useStudio } from '../../store';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * App-wide live wiring, mounted once with the top bar: main's `stream.state` and `viewers.count`
 * events into the store, the resume offer after a reload, the Ctrl/Cmd+D (mic) and
 * Ctrl/Cmd+E (camera) shortcuts, and ? for the list of shortcuts.
 */
export function useLiveWiring(): void {
  const connection = useStudio((s) => s.connection);

  useEffect(() => {
    const { applyStreamState, applyViewerCount } = useStudio.getState();
    const stopState = studio.subscribe('stream.state', applyStreamState);
    const stopViewers = studio.subscribe('viewers.count', applyViewerCount);
    return () => {
      stopState();
      stopViewers();
    };
  }, []);

  // Each time the link to main opens (first load, or after it dropped), look for a live stream.
  useEffect(() => {
    if (connection === 'open') void useStudio.getState().checkResume();
  }, [connection]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // ? lists the shortcuts from anywhere, but it is a single key: the Settings option that
      // turns off the queue's single keys turns it off too (the queue handles its own ?).
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) {
        const state = useStudio.getState();
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
      const state = useStudio.getState();
      if (key === 'd') void state.toggleMic();
      // Voice-only streams have no camera to turn on.
      else if ((state.liveSession?.mode ?? state.draftMode) !== 'voice_only') void state.toggleCamera();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
