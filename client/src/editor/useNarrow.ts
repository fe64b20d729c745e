import { useSyncExternalStore } from 'react';

/** Below this width the editor is laid out for phones and tablets: the sidebar becomes a bottom sheet. */
export const NARROW = '(max-width: 899px)';

const query = () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW) : null);

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const q = query();
      q?.addEventListener('change', listener);
      return () => q?.removeEventListener('change', listener);
    },
    () => query()?.matches ?? false,
  );
}
