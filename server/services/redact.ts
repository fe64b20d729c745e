/**
 * The one place that takes a workspace's internal fields out of what it shows to anyone
 * outside it: public links now, partner shares, partner exports and partner event streams
 * as they come. Pure: the caller loads the workspace's settings (services/internal-fields.ts)
 * and every outward path passes its records through here before they leave.
 */
import type { EntityType } from '../domain/change.js';
import { alwaysInternal, type InternalFieldLists, type InternalKind } from '../domain/internal-fields.js';

/** A workspace's internal fields, per kind of record; always at least `alwaysInternal`. */
export type InternalFields = Readonly<Record<InternalKind, ReadonlySet<string>>>;

/** The fields to withhold: those internal everywhere plus what the workspace added. */
export function internalFieldSet(added: Partial<InternalFieldLists> = {}): InternalFields {
  const set = (k: InternalKind) => new Set<string>([...alwaysInternal[k], ...(added[k] ?? [])]);
  return { actor: set('actor'), relationship: set('relationship'), assessment: set('assessment') };
}

const ALWAYS = internalFieldSet();

/** A copy of `record` without the internal fields of its kind (the always-internal ones even if `fields` forgot them). */
function withhold<T extends object>(kind: InternalKind, record: T, fields: InternalFields): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (fields[kind].has(key) || ALWAYS[kind].has(key)) continue;
    out[key] = value;
  }
  return out as Partial<T>;
}

export const redactActor = <T extends object>(actor: T, fields: InternalFields) => withhold('actor', actor, fields);
export const redactRelationship = <T extends object>(rel: T, fields: InternalFields) => withhold('relationship', rel, fields);
export const redactAssessment = <T extends object>(assessment: T, fields: InternalFields) => withhold('assessment', assessment, fields);

interface MapPayload {
  actors?: readonly object[];
  relationships?: readonly object[];
  assessments?: readonly object[];
}

/** A map (or any payload carrying actors, relationships and assessments) with each record redacted. */
export function redactMapPayload<P extends MapPayload>(payload: P, fields: InternalFields): P {
  return {
    ...payload,
    ...(payload.actors ? { actors: payload.actors.map((a) => redactActor(a, fields)) } : {}),
    ...(payload.relationships ? { relationships: payload.relationships.map((r) => redactRelationship(r, fields)) } : {}),
    ...(payload.assessments ? { assessments: payload.assessments.map((a) => redactAssessment(a, fields)) } : {}),
  };
}

/** One record of the change log's kind, as a partner stream or a partner history would carry it. */
export function redactEntity(type: EntityType, record: object | null, fields: InternalFields): object | null {
  if (record === null) return null;
  switch (type) {
    case 'actor':
      return redactActor(record, fields);
    case 'relationship':
      return redactRelationship(record, fields);
    case 'assessment':
      return redactAssessment(record, fields);
    case 'map':
      return redactMapPayload(record as MapPayload, fields);
    default:
      return record;
  }
}
