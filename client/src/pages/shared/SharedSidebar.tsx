import { useEditor, useEditorState } from '../../editor/context';
import { StoryPanel } from '../../editor/StoryPanel';
import { visibleActors, visibleRelationships } from '../../graph/doc';
import { partnerLooks } from '../../graph/partners';
import { alignmentLabels, powerLabels, relationshipLabel, roleLabels, typeLabels } from './labels';
import { AddSharedActor, AddSharedTie } from './AddToSharedMap';
import { SharedAnalysis } from './SharedAnalysis';

export type SharedPanel = 'details' | 'story' | 'analysis' | 'addActor' | 'addTie';

const tabs: { id: SharedPanel; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'analysis', label: 'Explore' },
  { id: 'story', label: 'Story' },
];

export function SharedSidebar({
  ws,
  shareId,
  panel,
  onPanel,
  canAdd,
  onAdded,
}: {
  ws: string;
  shareId: string;
  panel: SharedPanel;
  onPanel: (p: SharedPanel) => void;
  canAdd: boolean;
  onAdded: () => Promise<unknown>;
}) {
  const shown = canAdd ? [...tabs, { id: 'addActor' as const, label: 'Add' }] : tabs;
  const active = panel === 'addTie' ? 'addActor' : panel;
  return (
    <aside className="sidebar" aria-label="Details and tools">
      <div className="side-tabs" role="tablist">
        {shown.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={active === t.id}
            className={active === t.id ? 'side-tab on' : 'side-tab'}
            onClick={() => onPanel(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel">
        {panel === 'details' && <Details />}
        {panel === 'story' && <StoryPanel />}
        {panel === 'analysis' && <SharedAnalysis ws={ws} shareId={shareId} />}
        {(panel === 'addActor' || panel === 'addTie') && canAdd && (
          <div className="panel shared-form">
            <div className="segmented small" role="group" aria-label="What to add">
              <button type="button" className={panel === 'addActor' ? 'seg seg-on' : 'seg'} onClick={() => onPanel('addActor')}>
                Actor
              </button>
              <button type="button" className={panel === 'addTie' ? 'seg seg-on' : 'seg'} onClick={() => onPanel('addTie')}>
                Tie
              </button>
            </div>
            {panel === 'addActor' ? (
              <AddSharedActor ws={ws} shareId={shareId} onAdded={onAdded} />
            ) : (
              <AddSharedTie ws={ws} shareId={shareId} onAdded={onAdded} />
            )}
          </div>
        )}
      </div>
    </aside>
  );
}

/** What is selected, read-only; with nothing selected, the map and who added to it. */
function Details() {
  const editor = useEditor();
  const doc = useEditorState((s) => s.doc);
  const selection = useEditorState((s) => s.selection);
  const actor = selection.actors.length === 1 ? doc.actors[selection.actors[0]!] : undefined;
  const rel = !actor && selection.relationships.length === 1 ? doc.relationships[selection.relationships[0]!] : undefined;
  const looks = partnerLooks(doc);
  const addedBy = (id: string) => doc.partners?.[id];
  const name = (id: string) => doc.actors[id]?.name ?? '?';

  if (actor) {
    const ties = visibleRelationships(doc).filter((r) => r.from === actor.id || r.to === actor.id);
    const by = addedBy(actor.id);
    return (
      <div className="panel shared-details">
        <h3>{actor.name}</h3>
        {by && <p className="muted small">Added by {by.name}</p>}
        <dl>
          <dt>Kind</dt>
          <dd>{actor.kind === 'person' ? 'Person' : actor.organized ? 'Organised group' : 'Organisation'}</dd>
          {actor.roles.length > 0 && (
            <>
              <dt>Roles</dt>
              <dd>{actor.roles.map((r) => roleLabels[r]).join(', ')}</dd>
            </>
          )}
          <dt>Power</dt>
          <dd>{actor.power === null ? 'Not assessed' : `${actor.power} · ${powerLabels[actor.power]}`}</dd>
          <dt>Alignment</dt>
          <dd>
            {actor.alignment === null
              ? 'Not assessed'
              : `${actor.alignment > 0 ? '+' : ''}${actor.alignment} · ${alignmentLabels[actor.alignment]}`}
          </dd>
          {actor.sector && (
            <>
              <dt>Sector</dt>
              <dd>{actor.sector}</dd>
            </>
          )}
          {actor.description && (
            <>
              <dt>About</dt>
              <dd>{actor.description}</dd>
            </>
          )}
          {actor.interests.length > 0 && (
            <>
              <dt>Cares about</dt>
              <dd>{actor.interests.join('; ')}</dd>
            </>
          )}
          {actor.powerSources.length > 0 && (
            <>
              <dt>Power from</dt>
              <dd>{actor.powerSources.join('; ')}</dd>
            </>
          )}
          {Object.keys(actor.externalIds).length > 0 && (
            <>
              <dt>Known as</dt>
              <dd>
                {Object.entries(actor.externalIds)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join(', ')}
              </dd>
            </>
          )}
        </dl>
        <h4>Ties on this map</h4>
        <ul className="plain">
          {ties.map((r) => (
            <li key={r.id}>
              <button className="linklike" onClick={() => editor.store.set({ selection: { actors: [], relationships: [r.id] } })}>
                {relationshipLabel(r, name)}
              </button>
            </li>
          ))}
          {ties.length === 0 && <li className="muted">None.</li>}
        </ul>
      </div>
    );
  }
  if (rel) {
    const by = addedBy(rel.id);
    const look = by ? looks.get(by.id) : undefined;
    return (
      <div className="panel shared-details">
        <h3>{typeLabels[rel.type]}</h3>
        <p className="rel-sentence">{relationshipLabel(rel, name)}</p>
        {by && (
          <p className="partner-chip">
            <i style={{ background: look?.color }} />
            Added by {by.name}
          </p>
        )}
        <dl>
          <dt>Strength</dt>
          <dd>{rel.strength} of 5</dd>
          {rel.startDate && (
            <>
              <dt>Since</dt>
              <dd>{rel.startDate}</dd>
            </>
          )}
          {rel.endDate && (
            <>
              <dt>Until</dt>
              <dd>{rel.endDate}</dd>
            </>
          )}
          {rel.description && (
            <>
              <dt>Notes</dt>
              <dd>{rel.description}</dd>
            </>
          )}
          <dt>Sources</dt>
          <dd>{rel.sourceIds.length ? `${rel.sourceIds.length} cited` : <span className="warn">No source cited yet</span>}</dd>
        </dl>
      </div>
    );
  }
  const actors = visibleActors(doc);
  const rels = visibleRelationships(doc);
  return (
    <div className="panel shared-details">
      <h3>{doc.mapName || 'Shared map'}</h3>
      <dl className="stats">
        <div>
          <dt>Actors</dt>
          <dd>{actors.length}</dd>
        </div>
        <div>
          <dt>Relationships</dt>
          <dd>{rels.length}</dd>
        </div>
      </dl>
      {looks.size > 0 && (
        <>
          <h4>Ties partners added</h4>
          <ul className="plain">
            {[...looks.values()].map((l) => (
              <li key={l.id} className="partner-chip">
                <i style={{ background: l.color }} />
                {l.name}: {rels.filter((r) => doc.partners?.[r.id]?.id === l.id).length}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">
        Select an actor or a tie to see what the map says about it. Who among the owners knows whom, and their private notes, stay with
        them.
      </p>
    </div>
  );
}
