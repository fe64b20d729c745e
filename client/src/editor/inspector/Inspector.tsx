import { useInternalFields } from '../../api/queries';
import { visibleActors, visibleRelationships } from '../../graph/doc';
import { useEditorState } from '../context';
import { ActorForm } from './ActorForm';
import { BulkEdit } from './BulkEdit';
import { RelationshipForm } from './RelationshipForm';

export function Inspector({ ws, onOpenActor }: { ws: string; onOpenActor: (id: string) => void }) {
  const selection = useEditorState((s) => s.selection);
  const doc = useEditorState((s) => s.doc);
  const internal = useInternalFields(ws).data;
  const actor = selection.actors.length === 1 && !selection.relationships.length ? doc.actors[selection.actors[0]!] : undefined;
  const rel = selection.relationships.length === 1 && !selection.actors.length ? doc.relationships[selection.relationships[0]!] : undefined;

  // Keyed by record, not version: a colleague's save merges into what is being typed (useLiveForm).
  if (actor)
    return (
      <ActorForm
        key={actor.id}
        actor={actor}
        onOpenActor={onOpenActor}
        {...(internal ? { internal: [...internal.always.actor, ...internal.added.actor] } : {})}
      />
    );
  if (rel)
    return (
      <RelationshipForm
        key={rel.id}
        ws={ws}
        relationship={rel}
        {...(internal ? { internal: [...internal.always.relationship, ...internal.added.relationship] } : {})}
      />
    );
  if (selection.actors.length > 1) return <BulkEdit ids={selection.actors} />;

  const actors = visibleActors(doc);
  const rels = visibleRelationships(doc);
  const uncited = rels.filter((r) => !r.sourceIds.length).length;
  const unassessed = actors.filter((a) => a.power === null || a.alignment === null).length;
  return (
    <div className="panel">
      <h3>{doc.mapName || 'Map'}</h3>
      <dl className="stats">
        <div>
          <dt>Actors</dt>
          <dd>{actors.length}</dd>
        </div>
        <div>
          <dt>Relationships</dt>
          <dd>{rels.length}</dd>
        </div>
        <div>
          <dt>Uncited ties</dt>
          <dd className={uncited ? 'warn' : ''}>{uncited}</dd>
        </div>
        <div>
          <dt>Not yet assessed</dt>
          <dd className={unassessed ? 'warn' : ''}>{unassessed}</dd>
        </div>
      </dl>
      <p className="muted small">
        Select an actor or a tie to see and edit its details. Shift-drag on the background, or Ctrl-click, to select several and edit their
        roles and tags together.
      </p>
    </div>
  );
}
