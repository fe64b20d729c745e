import { useLayoutEffect, useEffect, useRef, useState } from 'react';
import { can, commands, dispatch, type CommandName } from '../../editor/commands';
import { useEditor } from '../../editor/context';

export type MenuTarget =
  | { kind: 'node'; id: string; x: number; y: number }
  | { kind: 'edge'; id: string; x: number; y: number }
  | { kind: 'background'; x: number; y: number; model: { x: number; y: number } };

interface Item {
  label: string;
  run: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/** Right-click (or long-press) menu; its entries are the same named commands as the toolbar and keys. */
export function ContextMenu({
  target,
  onClose,
  onOpenActor,
  onExpand,
}: {
  target: MenuTarget;
  onClose: () => void;
  onOpenActor: (id: string) => void;
  onExpand: (id: string) => void;
}) {
  const editor = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  const cmd = (name: CommandName, arg?: unknown): Item => ({
    label: commands[name].label,
    disabled: !can(editor, name),
    run: () => void (dispatch as (e: typeof editor, n: CommandName, a?: unknown) => unknown)(editor, name, arg),
  });

  let items: Item[];
  if (target.kind === 'node') {
    items = [
      { label: 'Open profile', run: () => onOpenActor(target.id) },
      { label: 'Expand neighbourhood…', run: () => onExpand(target.id) },
      cmd('drawFrom', target.id),
      { ...cmd('findConnections', target.id), label: 'Find connections from here' },
      cmd('deleteSelection'),
      { ...cmd('deleteActors'), danger: true },
    ];
  } else if (target.kind === 'edge') {
    items = [cmd('inspectRelationship', target.id), { ...cmd('deleteSelection'), label: 'Delete relationship' }];
  } else {
    items = [
      { ...cmd('openAddActor', target.model), label: 'Add actor here…' },
      cmd('fit'),
      cmd('layoutForce'),
      cmd('layoutConcentric'),
      cmd('selectAll'),
    ];
  }

  // Kept inside the canvas: an actor near the right or bottom edge (a phone) opens its menu to the left or above.
  const [place, setPlace] = useState({ left: target.x, top: target.y });
  useLayoutEffect(() => {
    const menu = ref.current;
    const box = menu?.offsetParent?.getBoundingClientRect();
    if (!menu || !box) return setPlace({ left: target.x, top: target.y });
    const left = target.x + menu.offsetWidth > box.width ? Math.max(0, target.x - menu.offsetWidth) : target.x;
    const top = target.y + menu.offsetHeight > box.height ? Math.max(0, target.y - menu.offsetHeight) : target.y;
    setPlace({ left, top });
  }, [target.x, target.y]);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    const close = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);

  return (
    <div ref={ref} className="context-menu" role="menu" style={place}>
      {items.map((item) => (
        <button
          key={item.label}
          role="menuitem"
          className={item.danger ? 'danger' : ''}
          disabled={item.disabled}
          onClick={() => {
            item.run();
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
