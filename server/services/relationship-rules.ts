import type { Tx } from '../db/gateway.js';
import type { ActorKind } from '../domain/actor.js';
import {
  endsProblem,
  relationshipData,
  relationshipDefaults,
  relationshipRules,
  type RelationshipCreate,
  type RelationshipData,
} from '../domain/relationship.js';
import { invalid, parseOrInvalid } from '../domain/errors.js';
import { actorRefs } from '../repos/actors.js';
import { existingSourceIds } from '../repos/sources.js';
import { stakeProblem } from './ownership-rules.js';

/** A new relationship's full record: defaults for its type, mutual where the type always is. */
export function withDefaults(fields: Omit<RelationshipCreate, 'id'>): Record<string, unknown> {
  return {
    ...relationshipDefaults.common,
    ...relationshipDefaults[fields.type],
    mutual: relationshipRules[fields.type].mutual === 'always',
    ...fields,
    sourceIds: [...new Set(fields.sourceIds ?? [])],
  };
}

/** What the store knows that a schema cannot: the kinds of actors and which sources exist. */
export interface Known {
  kinds: Map<string, ActorKind>;
  sources: Set<string>;
}

/** Looks up, in two queries, everything `checkRelationship` needs for these records. */
export async function lookUp(tx: Tx, ws: string, records: { from: string; to: string; sourceIds: string[] }[]): Promise<Known> {
  const actorIds = [...new Set(records.flatMap((r) => [r.from, r.to]))];
  const sourceIds = [...new Set(records.flatMap((r) => r.sourceIds))];
  const refs = await actorRefs(tx, ws, actorIds);
  return { kinds: new Map([...refs.values()].map((r) => [r.id, r.kind])), sources: await existingSourceIds(tx, ws, sourceIds) };
}

/**
 * Validates a whole relationship record and the rules a schema cannot see: two different
 * ends in this workspace, of the kinds its type joins, mutual only where the type allows,
 * citing sources that exist. Throws a 400 that names the field.
 */
export function checkRelationship(record: Record<string, unknown>, known: Known, prefix: string): RelationshipData {
  const data = parseOrInvalid(relationshipData, record, prefix);
  const fail = (field: string, detail: string, message: string) => invalid(detail, [{ path: `${prefix}.${field}`, message }]);
  if (data.from === data.to)
    throw fail('to', 'A relationship joins two different actors; "from" and "to" are the same.', 'must differ from "from"');
  const rule = relationshipRules[data.type];
  if (rule.mutual === 'always' && !data.mutual)
    throw fail('mutual', `A ${data.type} relationship is always mutual.`, 'must be true for this type');
  if (rule.mutual === 'never' && data.mutual)
    throw fail('mutual', `A ${data.type} relationship has a direction; it cannot be mutual.`, 'must be false for this type');
  for (const end of ['from', 'to'] as const) {
    if (!known.kinds.has(data[end]))
      throw fail(end, `The "${end}" actor ${data[end]} does not exist in this workspace.`, 'no such actor in this workspace');
  }
  const problem = endsProblem(data.type, known.kinds.get(data.from)!, known.kinds.get(data.to)!);
  if (problem) throw fail('type', problem, problem);
  const stake = data.type === 'OWNERSHIP' ? stakeProblem(data) : null;
  if (stake) throw fail(stake.field, stake.detail, stake.message);
  const missing = data.sourceIds.find((s) => !known.sources.has(s));
  if (missing) throw fail('sourceIds', `Source ${missing} does not exist in this workspace.`, `unknown source ${missing}`);
  return data;
}
