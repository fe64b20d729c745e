import type { Actor, ActorKind } from '../domain/actor.js';
import type { Relationship } from '../domain/relationship.js';
import { Problem } from '../http/problem.js';
import { prepareActors, prepareRelationships } from '../services/bulk.js';
import { parseKumu } from './kumu.js';

/** Rows one import takes; a larger sheet is split into several imports. */
export const MAX_IMPORT_ELEMENTS = 50_000;
export const MAX_IMPORT_CONNECTIONS = 100_000;

export interface KumuImportInput {
  elements: string;
  connections: string;
  /** The workspace's actors as read in the import's transaction, by position. */
  existing: { names: string[]; ids: string[]; kinds: ActorKind[] };
  now: string;
}

export interface KumuImportPlan {
  actors: Actor[];
  relationships: Relationship[];
  matched: string[];
}

/**
 * Everything an import does but write: parse both sheets, read them as actors and typed
 * relationships, and check every record as a create would (a 400 naming sheet and row).
 * Pure, so it runs on a worker thread; only the writes stay with the request.
 */
export function prepareKumuImport(input: KumuImportInput): KumuImportPlan {
  const existing = new Map<string, { id: string; kind: ActorKind }>();
  input.existing.names.forEach((name, i) => existing.set(name, { id: input.existing.ids[i]!, kind: input.existing.kinds[i]! }));
  const parsed = parseKumu(input.elements, input.connections, existing, { elements: MAX_IMPORT_ELEMENTS, connections: MAX_IMPORT_CONNECTIONS });
  if (parsed.tooMany) {
    const { sheet, rows, max } = parsed.tooMany;
    throw new Problem(413, 'Payload too large', `The ${sheet} sheet has ${rows.toLocaleString('en')} rows; one import takes at most ${max.toLocaleString('en')}. Split it into several imports.`, {
      errors: [{ path: `body.${sheet}`, message: `at most ${max} rows` }],
    });
  }
  if (parsed.errors.length) {
    const first = parsed.errors[0]!;
    throw new Problem(400, 'Validation failed', `${first.path}: ${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}. Nothing was imported.`, {
      errors: parsed.errors.slice(0, 200),
    });
  }
  const actors = prepareActors(parsed.actors.map((a, i) => ({ input: a, prefix: `body.elements.row ${i + 2}` })), input.now);
  const kinds = new Map<string, ActorKind>();
  for (const { id, kind } of existing.values()) kinds.set(id, kind);
  for (const a of actors) kinds.set(a.id, a.kind);
  const relationships = prepareRelationships(
    parsed.relationships.map((r, i) => ({ input: r, prefix: `body.connections.row ${i + 2}` })),
    { kinds, sources: new Set() },
    input.now,
  );
  return { actors, relationships, matched: parsed.matched };
}
