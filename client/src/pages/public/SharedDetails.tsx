import type { ReactNode } from 'react';
import type { PublicActor, PublicMap, PublicRelationship } from '../../api/domain';
import { relationshipRules } from '../../api/domain';
import { useEditorState } from '../../editor/context';
import { relationshipDetail } from '../../graph/relationship-detail';
import { alignmentLabels, powerLabels, roleLabels, typeLabels } from '../../graph/visual';

/** Only what the link carries: a field the workspace keeps internal is simply not there. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="shared-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const has = <T,>(value: T | null | undefined | ''): value is T =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

function ActorDetails({ actor }: { actor: PublicActor }) {
  return (
    <div className="panel">
      <h2 className="shared-name">{actor.name}</h2>
      <p className="muted small">
        {actor.kind === 'person' ? 'Person' : actor.organized ? 'Organised group' : 'Organisation'}
        {has(actor.sector) ? ` · ${actor.sector}` : ''}
      </p>
      <dl className="shared-facts">
        {has(actor.roles) && <Row term="Roles">{actor.roles.map((r) => roleLabels[r]).join(', ')}</Row>}
        {actor.power !== undefined && (
          <Row term="Power">{actor.power === null ? 'Not assessed' : `${actor.power} · ${powerLabels[actor.power]}`}</Row>
        )}
        {actor.alignment !== undefined && (
          <Row term="Alignment">
            {actor.alignment === null
              ? 'Not assessed'
              : `${actor.alignment > 0 ? '+' : ''}${actor.alignment} · ${alignmentLabels[actor.alignment]}`}
          </Row>
        )}
        {has(actor.interests) && <Row term="What they care about">{actor.interests.join(', ')}</Row>}
        {has(actor.powerSources) && <Row term="Where their power comes from">{actor.powerSources.join(', ')}</Row>}
        {has(actor.aliases) && <Row term="Also known as">{actor.aliases.join(', ')}</Row>}
        {has(actor.tags) && (
          <Row term="Tags">
            {actor.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </Row>
        )}
        {has(actor.description) && (
          <Row term="Notes">
            <span className="shared-text">{actor.description}</span>
          </Row>
        )}
        {has(actor.links) && (
          <Row term="Links">
            <ul className="plain">
              {actor.links.map((l) => (
                <li key={l} className="link-line">
                  <a href={l} target="_blank" rel="noreferrer noopener">
                    {l}
                  </a>
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </div>
  );
}

function RelationshipDetails({ rel, names }: { rel: PublicRelationship; names: Map<string, string> }) {
  const detail = relationshipDetail(rel as never);
  return (
    <div className="panel">
      <h2 className="shared-name">{typeLabels[rel.type]}</h2>
      <p className="rel-sentence">
        {names.get(rel.from) ?? '?'} <span className="muted">{relationshipRules[rel.type].label}</span> {names.get(rel.to) ?? '?'}
      </p>
      <dl className="shared-facts">
        {detail && <Row term="Details">{detail}</Row>}
        {rel.strength !== undefined && <Row term="Strength">{rel.strength} of 5</Row>}
        {(has(rel.startDate) || has(rel.endDate)) && (
          <Row term="When">
            {rel.startDate ?? '…'} – {rel.endDate ?? (rel.current ? 'now' : '…')}
          </Row>
        )}
        {has(rel.description) && (
          <Row term="Notes">
            <span className="shared-text">{rel.description}</span>
          </Row>
        )}
        {rel.sourceIds !== undefined && (
          <Row term="Sources">{rel.sourceIds.length ? `${rel.sourceIds.length} cited` : <span className="warn">No source cited</span>}</Row>
        )}
      </dl>
    </div>
  );
}

/** The side panel of a shared map: what the map is, or what is known about the selected actor or tie. */
export function SharedDetails({ map }: { map: PublicMap }) {
  const selection = useEditorState((s) => s.selection);
  const actor =
    selection.actors.length === 1 && !selection.relationships.length ? map.actors.find((a) => a.id === selection.actors[0]) : undefined;
  const rel =
    selection.relationships.length === 1 && !selection.actors.length
      ? map.relationships.find((r) => r.id === selection.relationships[0])
      : undefined;
  if (actor) return <ActorDetails actor={actor} />;
  if (rel) return <RelationshipDetails rel={rel} names={new Map(map.actors.map((a) => [a.id, a.name]))} />;
  return (
    <div className="panel">
      <h2 className="shared-name">{map.name}</h2>
      {map.description && <p className="shared-text">{map.description}</p>}
      <dl className="stats">
        <div>
          <dt>Actors</dt>
          <dd>{map.actors.length}</dd>
        </div>
        <div>
          <dt>Relationships</dt>
          <dd>{map.relationships.length}</dd>
        </div>
      </dl>
      <p className="muted small">
        Select an actor or a tie to see what is known about it.
        {map.annotations.length ? ' Press “Story” to walk through the map step by step.' : ''}
      </p>
    </div>
  );
}
