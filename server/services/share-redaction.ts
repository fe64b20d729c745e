import type { Gateway } from '../db/gateway.js';
import { DEFAULT_INTERNAL_FIELDS } from '../domain/share.js';

/**
 * Keys that never leave a workspace through a share, wherever in a payload they appear:
 * the internal fields, and what only members may see (their emails, the change history).
 */
const NEVER = new Set<string>([...DEFAULT_INTERNAL_FIELDS.actor, ...DEFAULT_INTERNAL_FIELDS.relationship, 'email', 'diffs']);

type Json = unknown;

function omit(record: Record<string, Json>, hidden: readonly string[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(record)) if (!hidden.includes(key)) out[key] = value;
  return out;
}

/** A copy of the value without any NEVER key at any depth. */
function sweep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sweep);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, Json> = {};
  for (const [key, inner] of Object.entries(value as Record<string, Json>)) if (!NEVER.has(key)) out[key] = sweep(inner);
  return out;
}

const records = (value: Json) => (Array.isArray(value) ? (value as Json[]).filter((v): v is Record<string, Json> => !!v && typeof v === 'object') : null);

/**
 * The one door every partner-facing payload goes through (shared maps, their analysis,
 * combined reach): `actors` lose the actor internal fields, `relationships` the relationship
 * ones, and a final sweep removes those keys anywhere else. `owningWorkspaceId` is the
 * workspace the data comes from, whose own setting of internal fields will decide here once
 * workspaces can mark more fields internal; until then the defaults apply to every workspace.
 */
export async function redactForPartner<T>(_db: Gateway, _owningWorkspaceId: string | null, payload: T): Promise<T> {
  if (payload === null || typeof payload !== 'object') return payload;
  const body = { ...(payload as Record<string, Json>) };
  const actors = records(body.actors);
  if (actors) body.actors = actors.map((a) => omit(a, DEFAULT_INTERNAL_FIELDS.actor));
  const relationships = records(body.relationships);
  if (relationships) body.relationships = relationships.map((r) => omit(r, DEFAULT_INTERNAL_FIELDS.relationship));
  return sweep(body) as T;
}
