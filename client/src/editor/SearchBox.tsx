import { useEffect, useId, useRef, useState } from 'react';
import type { Actor } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ActorGlyph } from '../components/ActorGlyph';
import { dispatch } from './commands';
import { useEditor } from './context';

/**
 * Type-ahead over the whole workspace. Picking an actor on the map selects and centres it;
 * picking one that is not on the map adds it (Enter or click).
 */
export function SearchBox({ ws }: { ws: string }) {
  const editor = useEditor();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Actor[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const list = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (q.trim().length < 2) return setItems([]);
    let live = true;
    const t = setTimeout(async () => {
      try {
        const res = await endpoints.search(ws, q.trim(), 8);
        if (live) {
          setItems(res.items);
          setActive(0);
        }
      } catch {
        if (live) setItems([]);
      }
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, ws]);

  const pick = async (actor: Actor) => {
    setOpen(false);
    setQ('');
    if (!editor.doc.members[actor.id]) {
      await dispatch(editor, 'addToMap', { actors: [actor] });
    }
    editor.store.set({
      selection: { actors: [actor.id], relationships: [] },
      focusRequest: { id: actor.id, n: Date.now() },
      panel: 'inspector',
    });
  };

  return (
    <div className="searchbox">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={list}
        aria-label="Search the workspace"
        placeholder="Search actors  /"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter' && items[active]) void pick(items[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && items.length > 0 && (
        <ul id={list} role="listbox" className="search-results">
          {items.map((a, i) => (
            <li
              key={a.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={() => void pick(a)}
            >
              <ActorGlyph actor={a} />
              <span className="sr-name">{a.name}</span>
              <span className="muted">{editor.doc.members[a.id] ? 'on this map' : 'add to map'}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
