import { useMemo, useRef, useState } from 'react';
import type { Actor } from '../../api/domain';
import { ActorGlyph } from '../../components/ActorGlyph';
import { dispatch } from '../../editor/commands';
import { useEditor, useEditorState } from '../../editor/context';
import { visibleActors, visibleRelationships } from '../../graph/doc';
import { filterActors, sortActors, type Sort, type SortKey } from '../../graph/table';
import { alignmentLabels, powerLabels, roleLabels, typeLabels } from '../../graph/visual';
import { TableExport } from './TableExport';
import { useGridFocus } from './useGridFocus';
import { alignmentScale, powerScale, signed } from '../../graph/scales';

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'kind', label: 'Kind' },
  { key: 'roles', label: 'Roles' },
  { key: 'sector', label: 'Sector' },
  { key: 'power', label: 'Power' },
  { key: 'alignment', label: 'Alignment' },
  { key: 'tags', label: 'Tags' },
];

/** The accessible alternative to the canvas: every actor and tie as rows, sortable, filterable, editable in place. */
export function TableView({ onOpenActor }: { onOpenActor?: (id: string) => void }) {
  const [tab, setTab] = useState<'actors' | 'relationships'>('actors');
  return (
    <div className="table-view">
      <div className="segmented small" role="tablist" aria-label="Table">
        <button
          role="tab"
          aria-selected={tab === 'actors'}
          className={tab === 'actors' ? 'seg seg-on' : 'seg'}
          onClick={() => setTab('actors')}
        >
          Actors
        </button>
        <button
          role="tab"
          aria-selected={tab === 'relationships'}
          className={tab === 'relationships' ? 'seg seg-on' : 'seg'}
          onClick={() => setTab('relationships')}
        >
          Relationships
        </button>
      </div>
      {tab === 'actors' ? <ActorTable onOpenActor={onOpenActor} /> : <RelationshipTable />}
    </div>
  );
}

function ActorTable({ onOpenActor }: { onOpenActor?: ((id: string) => void) | undefined }) {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'asc' });
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => sortActors(filterActors(visibleActors(doc), filter), sort), [doc, filter, sort]);
  const ro = !editor.me.canEdit;
  const filterField = useRef<HTMLInputElement>(null);
  // A letter typed on a cell searches: it goes to the filter, which takes over.
  const grid = useGridFocus({ rows: rows.length + 1, cols: columns.length + 1 }, (text) => {
    setFilter(text);
    filterField.current?.focus();
  });

  const toggle = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  const select = (a: Actor, add: boolean) =>
    editor.store.set({
      selection: {
        actors: add ? (selection.actors.includes(a.id) ? selection.actors.filter((x) => x !== a.id) : [...selection.actors, a.id]) : [a.id],
        relationships: [],
      },
      panel: 'inspector',
    });

  return (
    <>
      <div className="toolbar-row">
        <input
          ref={filterField}
          type="search"
          className="filter"
          aria-label="Filter actors"
          placeholder="Filter by name, role, sector or tag"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" aria-live="polite">
          {rows.length} of {Object.keys(doc.members).length} actors
        </span>
        <TableExport name={doc.mapName} actors={rows} allActors={rows} />
      </div>
      {rows.length === 0 ? (
        <p className="empty-state">{filter ? 'No actor matches this filter.' : 'No actors on this map yet.'}</p>
      ) : (
        <table
          className="data-table editable"
          role="grid"
          aria-label="Actors"
          aria-rowcount={rows.length + 1}
          aria-multiselectable="true"
          onKeyDown={grid.onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col" className="sel-col" {...grid.cellProps(0, 0)}>
                <span className="sr-only">Selected</span>
              </th>
              {columns.map((c, i) => (
                <th
                  key={c.key}
                  {...grid.cellProps(0, i + 1)}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button className="sort-btn" onClick={() => toggle(c.key)}>
                    {c.label} <span aria-hidden="true">{sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((a, index) => {
              const r = index + 1;
              const selected = selection.actors.includes(a.id);
              return (
                <tr key={a.id} className={selected ? 'row-selected' : ''} aria-selected={selected}>
                  <td className="sel-col" {...grid.cellProps(r, 0)}>
                    <input type="checkbox" aria-label={`Select ${a.name}`} checked={selected} onChange={() => select(a, true)} />
                  </td>
                  <td {...grid.cellProps(r, 1)}>
                    <span className="name-cell">
                      <ActorGlyph actor={a} />
                      <InlineText
                        value={a.name}
                        label={`Name of ${a.name}`}
                        readOnly={ro}
                        onCommit={(name) => void dispatch(editor, 'updateActor', { id: a.id, patch: { name } })}
                      />
                      {onOpenActor && (
                        <button
                          className="icon-btn"
                          aria-label={`Open the profile of ${a.name}`}
                          title="Profile"
                          onClick={() => onOpenActor(a.id)}
                        >
                          ↗
                        </button>
                      )}
                    </span>
                  </td>
                  <td {...grid.cellProps(r, 2)}>{a.kind === 'person' ? 'Person' : a.organized ? 'Organised group' : 'Organisation'}</td>
                  <td {...grid.cellProps(r, 3)}>{a.roles.map((r) => roleLabels[r]).join(', ') || <span className="muted">—</span>}</td>
                  <td {...grid.cellProps(r, 4)}>{a.sector ?? <span className="muted">—</span>}</td>
                  <td {...grid.cellProps(r, 5)}>
                    <select
                      aria-label={`Power of ${a.name}`}
                      disabled={ro}
                      value={a.power ?? ''}
                      onChange={(e) =>
                        e.target.value !== '' &&
                        void dispatch(editor, 'assessActor', { id: a.id, power: Number(e.target.value), alignment: a.alignment ?? 0 })
                      }
                    >
                      <option value="" disabled>
                        —
                      </option>
                      {powerScale.map((v) => (
                        <option key={v} value={v}>
                          {v} · {powerLabels[v]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td {...grid.cellProps(r, 6)}>
                    <select
                      aria-label={`Alignment of ${a.name}`}
                      disabled={ro}
                      value={a.alignment ?? ''}
                      onChange={(e) =>
                        e.target.value !== '' &&
                        void dispatch(editor, 'assessActor', { id: a.id, power: a.power ?? 0, alignment: Number(e.target.value) })
                      }
                    >
                      <option value="" disabled>
                        —
                      </option>
                      {alignmentScale.map((v) => (
                        <option key={v} value={v}>
                          {signed(v)} · {alignmentLabels[v]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td {...grid.cellProps(r, 7)}>
                    {a.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function InlineText({
  value,
  label,
  onCommit,
  readOnly,
}: {
  value: string;
  label: string;
  onCommit: (v: string) => void;
  readOnly: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  if (readOnly) return <span>{value}</span>;
  const commit = () => {
    setEditing(false);
    if (draft.trim() && draft.trim() !== value) onCommit(draft.trim());
    else setDraft(value);
  };
  return editing ? (
    <input
      className="inline-edit"
      aria-label={label}
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setDraft(value);
          setEditing(false);
        }
      }}
    />
  ) : (
    <button
      className="inline-value"
      aria-label={`${label}: ${value}. Press to edit`}
      onClick={() => {
        setDraft(value);
        setEditing(true);
      }}
    >
      {value}
    </button>
  );
}

function RelationshipTable() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const rels = visibleRelationships(doc);
  if (!rels.length) return <p className="empty-state">No relationships among the actors on this map yet.</p>;
  return (
    <>
      <div className="toolbar-row">
        <span className="muted">{rels.length} relationships</span>
        <TableExport name={doc.mapName} relationships={rels} allActors={visibleActors(doc)} />
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Type</th>
            <th scope="col">To</th>
            <th scope="col">Strength</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {rels.map((r) => (
            <tr key={r.id}>
              <td>{doc.actors[r.from]?.name}</td>
              <td>
                <button className="linklike" onClick={() => void dispatch(editor, 'inspectRelationship', r.id)}>
                  {typeLabels[r.type]}
                </button>
              </td>
              <td>{doc.actors[r.to]?.name}</td>
              <td>{r.strength}</td>
              <td>{r.sourceIds.length ? r.sourceIds.length : <span className="warn">uncited</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
