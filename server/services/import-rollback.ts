import type { Gateway } from '../db/gateway.js';
import type { Diff } from '../domain/change.js';
import { NotFound } from '../domain/errors.js';
import type { RelationshipType } from '../domain/relationship.js';
import { removeActors, removeAssessments, removeRelationships, removeSources } from '../repos/bulk.js';
import { changesRepo } from '../repos/changes.js';
import { chunk, type Author } from './changes.js';
import { undoDiff } from './revert.js';
import { mutate, type WriteContext } from './unit-of-work.js';

/** Records taken out a statement: the size an import writes them in. */
const CHUNK = 2_000;

/**
 * Takes an unfinished import out again: every part it wrote is reverted, newest first, each
 * as a change of its own, so that history, open maps and the analysis projection see its
 * records go. Unlike a revert from the history it does not stop at a record someone edited
 * since: the import failed as a whole and its records go with it (actors as deleted actors,
 * which can be restored with their ties). Safe to run twice: a part already reverted is skipped.
 * Answers how many records it took out.
 */
export async function removeImport(
  db: Gateway,
  ws: string,
  importJob: string,
  author: Author | null,
  onPart: () => Promise<void> = async () => {},
): Promise<number> {
  const ids = await db.read((tx) => changesRepo.ofImport(tx, ws, importJob), 'import-parts');
  let removed = 0;
  for (const [i, id] of ids.entries()) {
    try {
      const { result } = await mutate(
        db,
        ws,
        author,
        'revert',
        `Took out part ${ids.length - i} of an import that did not finish`,
        (ctx) => undoPart(ctx, id),
        id,
      );
      removed += result;
    } catch (error) {
      // A deleted workspace has nothing left to take out.
      if (error instanceof NotFound) return removed;
      throw error;
    }
    await onPart();
  }
  return removed;
}

async function undoPart(ctx: WriteContext, changeId: string): Promise<number> {
  const change = await changesRepo.load(ctx.tx, ctx.ws, changeId);
  if (!change || change.revertedBy) return 0;
  const created = (type: Diff['entityType']) => change.diffs.filter((d) => d.before === null && d.after !== null && d.entityType === type);

  // Ties before the actors they join, readings before their actors, sources last (cited by both).
  const ties = created('relationship');
  const byType = new Map<RelationshipType, string[]>();
  for (const d of ties) {
    const type = (d.after as { type: RelationshipType }).type;
    byType.set(type, [...(byType.get(type) ?? []), d.entityId]);
  }
  for (const [type, ids] of byType) await inChunks(ids, (part) => removeRelationships(ctx.tx, ctx.ws, type, part));
  const readings = created('assessment');
  await inChunks(idsOf(readings), (part) => removeAssessments(ctx.tx, ctx.ws, part));
  const actors = created('actor');
  await inChunks(idsOf(actors), (part) => removeActors(ctx.tx, ctx.ws, part));
  const sources = created('source');
  await inChunks(idsOf(sources), (part) => removeSources(ctx.tx, ctx.ws, part));
  for (const d of [...ties, ...readings, ...actors, ...sources])
    ctx.diffs.push({ entityType: d.entityType, entityId: d.entityId, before: d.after, after: null });

  // The rest (actors given the file's external ids, ties a restating file replaced) are few:
  // each goes back to what it was before the import, newest first.
  const bulk = new Set([...ties, ...readings, ...actors, ...sources]);
  const rest = change.diffs.filter((d) => !bulk.has(d)).reverse();
  for (const diff of rest) await undoDiff(ctx, diff);
  return bulk.size + rest.length;
}

const idsOf = (diffs: Diff[]) => diffs.map((d) => d.entityId);

async function inChunks(all: string[], run: (part: string[]) => Promise<unknown>) {
  for (const part of chunk(all, CHUNK)) await run(part);
}
