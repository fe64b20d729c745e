import type { Gateway } from '../db/gateway.js';
import { alwaysInternal } from '../domain/internal-fields.js';
import { loadInternalFields } from './internal-fields.js';
import { internalFieldSet, redactMapPayload, type InternalFields } from './redact.js';

/**
 * Keys that never leave a workspace through a share, wherever in a payload they appear:
 * the internal fields, and what only members may see (their emails, the change history).
 */
const NEVER = new Set<string>([...alwaysInternal.actor, ...alwaysInternal.relationship, 'email', 'diffs']);

type Json = unknown;

/** A copy of the value without any NEVER key at any depth. */
function sweep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sweep);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value as Record<string, Json>)) if (!NEVER.has(key)) out[key] = sweep(inner);
  return out;
}

const records = (value: Json) =>
  Array.isArray(value) ? (value as Json[]).filter((v): v is Record<string, Json> => !!v && typeof v === 'object') : null;

/**
 * The one door every partner-facing payload goes through (shared maps, their analysis,
 * combined reach): `actors`, `relationships` and `assessments` lose the internal fields the
 * owning workspace has marked (services/redact.ts), and a final sweep removes the
 * always-internal keys, emails and change diffs anywhere else in the payload.
 */
export async function redactForPartner<T>(db: Gateway, owningWorkspaceId: string | null, payload: T): Promise<T> {
  if (payload === null || typeof payload !== 'object') return payload;
  const fields: InternalFields = owningWorkspaceId
    ? await db.read((tx) => loadInternalFields(tx, owningWorkspaceId), 'internal-fields')
    : internalFieldSet();
  const body = { ...(payload as Record<string, Json>) };
  const lists = { actors: records(body.actors), relationships: records(body.relationships), assessments: records(body.assessments) };
  const redacted = redactMapPayload(
    {
      ...(lists.actors ? { actors: lists.actors } : {}),
      ...(lists.relationships ? { relationships: lists.relationships } : {}),
      ...(lists.assessments ? { assessments: lists.assessments } : {}),
    },
    fields,
  );
  Object.assign(body, redacted);
  return sweep(body) as T;
}
