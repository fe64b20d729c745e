import { useEffect, useRef } from 'react';
import { readAddress, writeAddress } from '../graph/map-address';
import type { Editor } from './editor';
import type { EditorState } from './store';

/**
 * Keeps the view and the camera in the page's address, so a reload or a link
 * passed to a colleague opens the same place. The address is replaced, not pushed: moving
 * around a map is not a trail of pages for the back button.
 */
export function useMapAddress(editor: Editor, loaded: boolean) {
  const applied = useRef(false);
  useEffect(() => {
    if (!loaded || applied.current) return;
    applied.current = true;
    const address = readAddress(window.location.search);
    const patch: Partial<EditorState> = {};
    if (address.view) patch.view = address.view;
    if (address.centre) patch.centreRequest = { centre: address.centre, n: 1 };
    editor.store.set(patch);
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
