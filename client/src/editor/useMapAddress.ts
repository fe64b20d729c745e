import { useEffect, useRef } from 'react';
import { readAddress, writeAddress } from '../graph/map-address';
import type { Editor } from './editor';

/**
 * Keeps the view and the camera in the page's address, so a reload or a link
 * passed to a colleague opens the same place. The address is replaced, not pushed: moving
 * around a map is not a trail of pages for the back button.
 */
export function useMapAddress(editor: Editor, loaded: boolean) {
  // The view at once, before the map has loaded: a view chosen while it loads must not be
  // switched back when it arrives. The camera waits for the actors it is placed among.
  useEffect(() => {
    const { view } = readAddress(window.location.search);
    if (view) editor.store.set({ view });
  }, [editor]);

  const applied = useRef(false);
  useEffect(() => {
    if (!loaded || applied.current) return;
    applied.current = true;
    const { centre } = readAddress(window.location.search);
    if (centre) editor.store.set({ centreRequest: { centre, n: 1 } });
  }, [loaded, editor]);

  useEffect(() => {
    if (!loaded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const s = editor.state;
      const { pathname, search, hash } = window.location;
      const next = writeAddress(search, { view: s.view, ...(s.centre ? { centre: s.centre } : {}) });
      if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
    };
    const unsubscribe = editor.store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(write, 300);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [loaded, editor]);
}
