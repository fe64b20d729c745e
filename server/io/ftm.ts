import type { Actor } from '../domain/actor.js';
import { relationshipRules, type Relationship } from '../domain/relationship.js';
import type { Source } from '../domain/source.js';
import type { GraphExport } from './export-model.js';

/**
 * FollowTheMoney entities, one JSON object a line (the shape `ftm` and Aleph read): people
 * as Person, companies (corporate and finance sectors, and anything owned) as Company, other
 * organisations as Organization; ties as the FtM interval that says the same thing, with
 * UnknownLink where FtM has none. An actor that came from FtM keeps its FtM id (external id
 * `ftm`), so a round trip matches what is already there. Cited sources become sourceUrl and
 * publisher. Internal fields (always internal, and those the owners added) are left out:
 * FtM data is made to be shared.
 */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

type Props = Record<string, (string | number | null | undefined)[] | undefined>;

function entity(id: string, schema: string, props: Props): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(props)) {
    const kept = (values ?? []).filter((v) => v !== null && v !== undefined && v !== '').map(String);
    if (kept.length) properties[key] = [...new Set(kept)];
  }
  return { id, schema, properties };
}

const ftmId = (actor: Actor) => actor.externalIds?.ftm ?? actor.id;

function actorSchema(actor: Actor, owned: Set<string>): string {
  if (actor.kind === 'person') return 'Person';
  return actor.sector === 'corporate' || actor.sector === 'finance' || owned.has(actor.id) ? 'Company' : 'Organization';
}

/** Leaves out what the workspace made internal: `fields` maps each FtM property to the field it comes from. */
function shared(props: Props, fields: Record<string, string>, internal: readonly string[]): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !fields[key] || !internal.includes(fields[key]!)));
}

const actorFieldOf: Record<string, string> = {
  alias: 'aliases',
  description: 'description',
  keywords: 'tags',
  website: 'links',
  sourceUrl: 'links',
  wikidataId: 'externalIds',
  opencorporatesUrl: 'externalIds',
};
const tieFieldOf: Record<string, string> = {
  description: 'description',
  startDate: 'startDate',
  endDate: 'endDate',
  amount: 'amount',
  percentage: 'percent',
  sharesCount: 'shares',
  recordId: 'filing',
  contract: 'contract',
};

function actorEntity(actor: Actor, schema: string, internal: readonly string[]): FtmEntity {
  const ext = actor.externalIds ?? {};
  return entity(
    ftmId(actor),
    schema,
    shared(
      {
        name: [actor.name],
        alias: actor.aliases,
        description: [actor.description],
        keywords: actor.tags,
        sector: schema === 'Person' ? undefined : [actor.sector],
        website: actor.links.slice(0, 1),
        sourceUrl: actor.links.slice(1),
        wikidataId: [ext.wikidata],
        opencorporatesUrl: ext.opencorporates ? [ext.opencorporates] : undefined,
      },
      actorFieldOf,
      internal,
    ),
  );
}

/** The FtM schema of a tie and its two ends' property names. */
function linkSchema(rel: Relationship, kinds: Map<string, string>): { schema: string; from: string; to: string; props: Props } {
  const fromPerson = kinds.get(rel.from) === 'Person';
  const toOrg = kinds.get(rel.to) !== 'Person';
  const toCompany = kinds.get(rel.to) === 'Company';
  switch (rel.type) {
    case 'POSITION':
      if (!toOrg) break;
      return rel.board || rel.executive
        ? {
            schema: 'Directorship',
            from: 'director',
            to: 'organization',
            props: { role: [rel.title ?? (rel.board ? 'Board member' : 'Executive')] },
          }
        : { schema: 'Employment', from: 'employee', to: 'employer', props: { role: [rel.title] } };
    case 'MEMBERSHIP':
      return { schema: 'Membership', from: 'member', to: 'organization', props: { role: [rel.role] } };
    case 'OWNERSHIP':
      if (!toCompany) break;
      return { schema: 'Ownership', from: 'owner', to: 'asset', props: { percentage: [rel.percent], sharesCount: [rel.shares] } };
    case 'HIERARCHY':
      if (!toCompany || (rel.relation && rel.relation !== 'subsidiary')) break;
      return { schema: 'Ownership', from: 'owner', to: 'asset', props: { role: ['Parent company'] } };
    case 'DONATION':
      return {
        schema: 'Payment',
        from: 'payer',
        to: 'beneficiary',
        props: { amount: [rel.amount], currency: [rel.currency], date: [rel.date], purpose: ['Donation'], recordId: [rel.filing] },
      };
    case 'TRANSACTION':
      return {
        schema: 'Payment',
        from: 'payer',
        to: 'beneficiary',
        props: { amount: [rel.amount], currency: [rel.currency], purpose: [rel.goods] },
      };
    case 'FAMILY':
      if (fromPerson && !toOrg) return { schema: 'Family', from: 'person', to: 'relative', props: { relationship: [rel.relation] } };
      break;
    case 'SOCIAL':
    case 'PROFESSIONAL':
      if (fromPerson && !toOrg)
        return {
          schema: 'Associate',
          from: 'person',
          to: 'associate',
          props: { relationship: [rel.relation ?? relationshipRules[rel.type].label] },
        };
      break;
    default:
      break;
  }
  const role = rel.type === 'GENERIC' ? (rel.label ?? relationshipRules.GENERIC.label) : relationshipRules[rel.type].label;
  return { schema: 'UnknownLink', from: 'subject', to: 'object', props: { role: [role] } };
}

export function toFtm(graph: GraphExport): string {
  const owned = new Set(
    graph.relationships
      .filter((r) => r.type === 'OWNERSHIP' || (r.type === 'HIERARCHY' && (!r.relation || r.relation === 'subsidiary')))
      .map((r) => r.to),
  );
  const schemata = new Map(graph.actors.map((a) => [a.id, actorSchema(a, owned)]));
  const ids = new Map(graph.actors.map((a) => [a.id, ftmId(a)]));
  const sources = new Map<string, Source>((graph.sources ?? []).map((s) => [s.id, s]));
  const lines = graph.actors.map((a) => actorEntity(a, schemata.get(a.id)!, graph.internal?.actor ?? []));
  const tieInternal = graph.internal?.relationship ?? [];
  for (const rel of graph.relationships) {
    const { schema, from, to, props } = linkSchema(rel, schemata);
    const cited = rel.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
    lines.push(
      entity(
        rel.id,
        schema,
        shared(
          {
            [from]: [ids.get(rel.from)],
            [to]: [ids.get(rel.to)],
            ...props,
            startDate: [rel.startDate],
            endDate: [rel.endDate],
            description: [rel.description],
            sourceUrl: cited.map((s) => s.url),
            publisher: cited.map((s) => s.publisher),
          },
          tieFieldOf,
          tieInternal,
        ),
      ),
    );
  }
  return lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : '');
}
