import { useStore } from 'zustand';
import type { StudioClient } from '../../../shared/contract/studioClient';
import type { StudioState, StudioStore } from './state/studioState';

export type { StudioState, StudioStore } from './state/studioState';

/** The store and client the app's components use; bound once by `createStudio()`. */
let bound: { store: StudioStore; client: StudioClient } | null = null;

/** Makes `useStudio` read `store`; `createStudio()` does this once for the app. */
export function bindStudio(store: StudioStore, client: StudioClient): void {
  bound = { store, client };
}

function current(): { store: StudioStore; client: StudioClient } {
  if (!bound) throw new Error('The studio store was used before createStudio() bound it.');
  return bound;
}

function useBoundStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(current().store, selector);
}

/**
 * Components read the bound store through named selectors (`store/selectors/…`); `getState()`
 * serves event handlers that call an action without re-rendering on its changes.
 */
export const useStudio = Object.assign(useBoundStudio, { getState: (): StudioState => current().store.getState() });

/** The bound client, for the few calls whose answer no other component shares (a download, a list shown once). */
export function useStudioClient(): StudioClient {
  return current().client;
}
