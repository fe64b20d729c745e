import { randomUUID } from 'node:crypto';
import type { ActorKind } from '../domain/actor.js';
import { TooLarge, ValidationFailed, type FieldError } from '../domain/errors.js';
import { normalizeUrl, sourceData, sourceDefaults, type Source } from '../domain/source.js';
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
  /** The workspace's sources, by position: what a Sources cell is matched against (by URL, else by title). */
  sources?: { ids: string[]; urls: string[]; titles: (string | null)[] };
  now: string;
}

/**
 * The checked records, as JSON text in batches of IMPORT_BATCH. Text crosses between threads
 * as one copy; 30,000 records as objects would be rebuilt one property at a time on the
 * request thread, in a single pause of most of a second. Each batch is parsed just before
 * it is written, so the request thread works in short steps with the database in between.
 */
export interface KumuImportPlan {
  actorBatches: string[];
  relationshipBatches: string[];
  actorCount: number;
  relationshipCount: number;
  matched: string[];
  /** Sources the sheets cite that the workspace does not have yet, as JSON text: written first. */
  sources: string;
}

export const IMPORT_BATCH = 2_000;

function batches<T>(items: T[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += IMPORT_BATCH) out.push(JSON.stringify(items.slice(i, i + IMPORT_BATCH)));
  return out;
}

/**
 * Everything an import does but write: parse both sheets, read them as actors and typed
 * relationships, and check every record as a create would (a 400 naming sheet and row).
 * Pure, so it runs on a worker thread; only the writes stay with the request.
 */
export function prepareKumuImport(input: KumuImportInput): KumuImportPlan {
  const existing = new Map<string, { id: string; kind: ActorKind }>();
  input.existing.names.forEach((name, i) => existing.set(name, { id: input.existing.ids[i]!, kind: input.existing.kinds[i]! }));
  const parsed = parseKumu(input.elements, input.connections, existing, {
    elements: MAX_IMPORT_ELEMENTS,
    connections: MAX_IMPORT_CONNECTIONS,
  });
  if (parsed.tooMany) {
    const { sheet, rows, max } = parsed.tooMany;
    throw new TooLarge(
      `The ${sheet} sheet has ${rows.toLocaleString('en')} rows; one import takes at most ${max.toLocaleString('en')}. Split it into several imports.`,
      {
        errors: [{ path: `body.${sheet}`, message: `at most ${max} rows` }],
      },
    );
  }
  const cited = citedSources(input.sources ?? { ids: [], urls: [], titles: [] }, input.now);
  const actorSourceIds = parsed.actorSources.map((cells, i) => cited.resolve(cells, `body.elements.row ${i + 2}.Sources`));
  const relationshipSourceIds = parsed.relationshipSources.map((cells, i) => cited.resolve(cells, `body.connections.row ${i + 2}.Sources`));
  parsed.errors.push(...cited.errors);
  if (parsed.errors.length) {
    const first = parsed.errors[0]!;
    throw new ValidationFailed(
      `${first.path}: ${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}. Nothing was imported.`,
      parsed.errors.slice(0, 200),
    );
  }
  const actors = prepareActors(
    parsed.actors.map((a, i) => ({
      input: actorSourceIds[i]!.length ? { ...a, sourceIds: actorSourceIds[i]! } : a,
      prefix: `body.elements.row ${i + 2}`,
    })),
    input.now,
  );
  const kinds = new Map<string, ActorKind>();
  for (const { id, kind } of existing.values()) kinds.set(id, kind);
  for (const a of actors) kinds.set(a.id, a.kind);
  const relationships = prepareRelationships(
    parsed.relationships.map((r, i) => ({
      input: relationshipSourceIds[i]!.length ? { ...r, sourceIds: relationshipSourceIds[i]! } : r,
      prefix: `body.connections.row ${i + 2}`,
    })),
    { kinds, sources: cited.all },
    input.now,
  );
  // By type, so that a batch is written with as few statements as possible.
  const byType = [...relationships].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return {
    actorBatches: batches(actors),
    relationshipBatches: batches(byType),
    actorCount: actors.length,
    relationshipCount: relationships.length,
    matched: parsed.matched,
    sources: JSON.stringify(cited.created),
  };
}

/**
 * What a Sources cell names, as source ids: a URL is the workspace's source with that
 * normalised URL, or a new source; anything else is the title of one the workspace has.
 */
function citedSources(known: { ids: string[]; urls: string[]; titles: (string | null)[] }, now: string) {
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string>();
  known.ids.forEach((id, i) => {
    try {
      byUrl.set(normalizeUrl(known.urls[i]!), id);
    } catch {
      // A stored URL that no longer parses cannot be named by a sheet either.
    }
    const title = known.titles[i]?.trim().toLowerCase();
    if (title && !byTitle.has(title)) byTitle.set(title, id);
  });
  const created: Source[] = [];
  const errors: FieldError[] = [];
  const all = new Set(known.ids);
  // A sheet names the same few sources on many rows: each spelling is looked up once.
  const seen = new Map<string, string>();
  const one = (cell: string, path: string): string | null => {
    const hit = seen.get(cell);
    if (hit) return hit;
    const id = lookUp(cell, path);
    if (id) seen.set(cell, id);
    return id;
  };
  const lookUp = (cell: string, path: string): string | null => {
    if (/^https?:\/\//i.test(cell)) {
      let key: string;
      try {
        key = normalizeUrl(cell);
      } catch {
        errors.push({ path, message: `"${cell.slice(0, 100)}" is not a URL` });
        return null;
      }
      const found = byUrl.get(key);
      if (found) return found;
      const data = sourceData.safeParse({ ...sourceDefaults, url: cell });
      if (!data.success) {
        errors.push({ path, message: `"${cell.slice(0, 100)}" is not an http(s) URL` });
        return null;
      }
      const id = randomUUID();
      created.push({ id, ...data.data, version: 1, createdAt: now, updatedAt: now });
      byUrl.set(key, id);
      all.add(id);
      return id;
    }
    const found = byTitle.get(cell.toLowerCase());
    if (!found) errors.push({ path, message: `no source of the workspace is titled "${cell.slice(0, 100)}"; give its URL instead` });
    return found ?? null;
  };
  return {
    created,
    errors,
    all,
    resolve: (cells: string[], path: string) => [
      ...new Set(cells.map((cell) => one(cell, path)).filter((id): id is string => id !== null)),
    ],
  };
}
