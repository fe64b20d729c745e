import Fuse from 'fuse.js';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Relationship } from '../api/domain';
import { visibleActors } from '../graph/doc';
import { complete, parseQuickAdd, type QuickAdd } from '../graph/quick-add';
import { roleLabels, typeLabels } from '../graph/visual';
import { dispatch, paletteCommands, type CommandName } from './commands';
import { HOW_TO_QUICK_ADD, knownActors, type QuickAddResult } from './commands/quick-add';
import { useEditor, useEditorState } from './context';
import { Modal } from './Modal';
import './palette.css';

type Item =
  | { kind: 'add'; id: string; label: string; detail: string }
  | { kind: 'command'; id: string; label: string; detail: string; name: CommandName }
  | { kind: 'actor'; id: string; label: string; detail: string; actorId: string };

function describe(parsed: QuickAdd, names: (id: string) => string): { label: string; detail: string } {
  if (parsed.kind === 'actor') {
    const a = parsed.actor;
    const bits = [
      a.kind === 'person' ? 'person' : a.organized ? 'organised group' : 'organisation',
      ...a.roles.map((r) => roleLabels[r].toLowerCase()),
      a.power !== null ? `power ${a.power}` : '',
      a.alignment !== null ? `alignment ${a.alignment > 0 ? '+' : ''}${a.alignment}` : '',
      a.sector ?? '',
      ...a.tags.map((t) => `#${t}`),
    ].filter(Boolean);
    return { label: `Add actor “${a.name || '…'}”`, detail: bits.join(' · ') };
  }
  const t = parsed.tie;
  if (!t) return { label: `Add tie ${parsed.fromName || '…'} → ${parsed.toName || '…'}`, detail: '' };
  const money = t.amount !== null ? `${t.currency ?? ''} ${t.amount.toLocaleString('en')}`.trim() : '';
  const bits = [typeLabels[t.type], money, [t.date, t.endDate].filter(Boolean).join(' – '), t.url ? `source ${t.url}` : 'no source'];
  return { label: `Add tie ${names(t.from)} → ${names(t.to)}`, detail: bits.filter(Boolean).join(' · ') };
}

/**
 * Ctrl/⌘-K: every command by name, the actors on the map to jump to, and the quick-add
 * line. It stays open after an addition, so a list of findings goes in one after another.
 */
export function CommandPalette() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const [line, setLine] = useState('');
  const [active, setActive] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<{ line: string; ties: Relationship[] } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useId();
  const close = () => void dispatch(editor, 'closeDialog');

  const known = useMemo(() => knownActors(doc), [doc]);
  const parsed = useMemo(() => parseQuickAdd(line, known), [line, known]);
  const completions = useMemo(() => (line ? complete(line, known) : []), [line, known]);
  const commandSearch = useMemo(
    () =>
      new Fuse(
        paletteCommands().map(({ name, command }) => ({ name, label: command.label, keys: command.keys ?? '' })),
        { keys: ['label', 'name'], threshold: 0.4, ignoreLocation: true },
      ),
    [],
  );
  const actorSearch = useMemo(
    () => new Fuse(visibleActors(doc), { keys: ['name', 'aliases'], threshold: 0.35, ignoreLocation: true }),
    [doc],
  );

  const items = useMemo<Item[]>(() => {
    const out: Item[] = [];
    if (parsed) out.push({ kind: 'add', id: 'add', ...describe(parsed, (id) => doc.actors[id]?.name ?? '?') });
    const q = line.trim();
    if (parsed?.kind === 'tie') return out;
    const commands = q
      ? commandSearch.search(q, { limit: 8 }).map((r) => r.item)
      : paletteCommands().map(({ name, command }) => ({ name, label: command.label, keys: command.keys ?? '' }));
    for (const c of commands)
      out.push({ kind: 'command', id: `c:${c.name}`, name: c.name, label: c.label, detail: c.keys.replace('Ctrl', '⌘/Ctrl') });
    if (q.length >= 2)
      for (const { item: a } of actorSearch.search(q, { limit: 6 }))
        out.push({
          kind: 'actor',
          id: `a:${a.id}`,
          actorId: a.id,
          label: `Go to ${a.name}`,
          detail: a.kind === 'person' ? 'person' : 'organisation',
        });
    return out;
  }, [parsed, line, commandSearch, actorSearch, doc]);
  const current = items[Math.min(active, items.length - 1)];

  const edit = (next: string) => {
    setLine(next);
    setActive(0);
    setProblems([]);
  };

  const run = async (item: Item | undefined) => {
    if (!item || busy) return;
    if (item.kind === 'command') {
      close();
      await (dispatch as (e: typeof editor, n: CommandName) => unknown)(editor, item.name);
      return;
    }
    if (item.kind === 'actor') {
      editor.store.set({
        dialog: null,
        selection: { actors: [item.actorId], relationships: [] },
        focusRequest: { id: item.actorId, n: Date.now() },
        panel: 'inspector',
      });
      return;
    }
    setBusy(true);
    const again = duplicates?.line === line;
    const result = (await dispatch(editor, 'quickAdd', { line, allowDuplicate: again })) as QuickAddResult | undefined;
    setBusy(false);
    if (!result) return setProblems(['You can view this map but not add to it.']);
    if (result.duplicates.length) {
      setDuplicates({ line, ties: result.duplicates });
      return;
    }
    setDuplicates(null);
    setProblems(result.problems);
    if (result.ok) {
      setAdded(item.label.replace(/^Add /, 'Added '));
      edit('');
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Tab' && !e.shiftKey && completions[0]) edit(completions[0].line);
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') void run(current);
    else return;
    e.preventDefault();
  };

  // What was not understood is said once Enter is pressed, not at every keystroke of a name.
  const shownProblems = problems;
  return (
    <Modal title="Commands and quick add" onClose={close} wide>
      <div className="palette">
        <input
          className="palette-input"
          role="combobox"
          aria-label="Command or quick add"
          aria-expanded={items.length > 0}
          aria-controls={list}
          aria-activedescendant={current ? `${list}-${current.id}` : undefined}
          aria-autocomplete="list"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="A command, an actor, “Name, person, decision-maker, power 5” or “From -> To donation $5,000 2024-03-01 https://…”"
          value={line}
          onChange={(e) => edit(e.target.value)}
          onKeyDown={onKey}
        />
        {completions.length > 0 && (
          <p className="palette-complete" aria-live="polite">
            <kbd>Tab</kbd> {completions.map((c) => c.word).join(' · ')}
          </p>
        )}
        {duplicates && duplicates.line === line && (
          <div className="alert alert-warn" role="alert">
            Already recorded:{' '}
            {duplicates.ties
              .map(
                (r) =>
                  `${doc.actors[r.from]?.name} → ${doc.actors[r.to]?.name}, ${typeLabels[r.type].toLowerCase()}${r.startDate ? `, ${r.startDate}` : ''}`,
              )
              .join('; ')}
            . Press Enter again to add it anyway.
          </div>
        )}
        {shownProblems.length > 0 && line.trim() && (
          <div className="alert alert-error palette-problems" role="alert">
            <strong>Not understood:</strong>
            <ul>
              {shownProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {added && !line && (
          <p className="palette-added" role="status">
            {added}. Type the next one, or Esc to close.
          </p>
        )}
        <ul id={list} role="listbox" className="palette-list" aria-label="Matches">
          {items.map((item) => (
            <li
              key={item.id}
              id={`${list}-${item.id}`}
              role="option"
              aria-selected={item === current}
              className={`palette-item palette-${item.kind}${item === current ? ' active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                void run(item);
              }}
            >
              <span className="palette-label">{item.label}</span>
              <span className="palette-detail muted">{item.detail}</span>
            </li>
          ))}
        </ul>
        {!line && <p className="muted small">{HOW_TO_QUICK_ADD} Tab completes names and types.</p>}
      </div>
    </Modal>
  );
}
