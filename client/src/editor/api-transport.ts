import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import type { BatchOperation } from '../api/domain';
import type { Versions } from '../graph/apply';
import type { GraphDoc } from '../graph/doc';
import type { Edit, Fields } from '../graph/edits';
import { SaveConflict, type RunContext, type Transport } from './transport';

const META = new Set(['version', 'createdAt', 'updatedAt', 'id']);
const stripMeta = (data: Fields) => Object.fromEntries(Object.entries(data).filter(([k]) => !META.has(k)));

function currentVersion(doc: GraphDoc, entity: string, id: string): number | undefined {
  if (entity === 'actor') return doc.actors[id]?.version;
  if (entity === 'relationship') return doc.relationships[id]?.version;
  if (entity === 'map' && id === doc.mapId) return doc.mapVersion;
  return undefined;
}

/**
 * Saves edits through the API: creates, updates, deletes and map membership go in one
 * all-or-nothing batch; assessments and layout have their own endpoints and run in
 * the order the step lists them.
 */
export class ApiTransport implements Transport {
  constructor(private readonly ws: string) {}

  // The server keys sources by their normalised URL, so citing a page twice finds the first.
  async cite(url: string): Promise<string> {
    return (await endpoints.createSource(this.ws, { url })).id;
  }

  async run(edits: Edit[], context: RunContext): Promise<Versions> {
    try {
      return await this.save(edits, context);
    } catch (error) {
      // A stale version: the problem carries the record as it is now.
      const current = error instanceof ApiError && error.status === 409 ? error.problem.current : undefined;
      if (current && typeof current === 'object')
        throw new SaveConflict(error instanceof Error ? error.message : 'Changed by someone else', current as Record<string, unknown>);
      throw error;
    }
  }

  private async save(edits: Edit[], context: RunContext): Promise<Versions> {
    const versions: Versions = {};
    const doc = context.doc;
    let batch: BatchOperation[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const result = await endpoints.batch(this.ws, batch, context.summary);
      for (const r of result.results) versions[r.id] = r.version;
      batch = [];
    };
    const versionOf = (entity: string, id: string) => (versions[id] as number | undefined) ?? currentVersion(doc, entity, id);

    for (const edit of edits) {
      switch (edit.kind) {
        case 'create':
          if (edit.entity === 'actor' && context.replay) {
            await flush();
            const actor = await endpoints.restoreActor(this.ws, edit.id);
            versions[edit.id] = actor.version;
          } else {
            batch.push({ op: 'create', entity: edit.entity, data: { ...stripMeta(edit.data), id: edit.id } } as BatchOperation);
          }
          break;
        case 'update':
          batch.push({
            op: 'update',
            entity: edit.entity,
            id: edit.id,
            data: { ...edit.after, version: versionOf(edit.entity, edit.id) },
          } as BatchOperation);
          break;
        case 'delete':
          batch.push({ op: 'delete', entity: edit.entity, id: edit.id, version: versionOf(edit.entity, edit.id) } as BatchOperation);
          break;
        case 'assess': {
          const { power, alignment } = edit.after;
          if (power === null || alignment === null) {
            batch.push({
              op: 'update',
              entity: 'actor',
              id: edit.actorId,
              data: { power, alignment, version: versionOf('actor', edit.actorId) },
            });
          } else {
            await flush();
            // The answer carries the actor's new version: one request, no second read.
            const reading = await endpoints.assess(this.ws, edit.actorId, {
              power,
              alignment,
              note: context.replay ? context.summary : '',
              ...(edit.sourceId ? { sourceId: edit.sourceId } : {}),
            });
            versions[edit.actorId] = reading.actorVersion;
          }
          break;
        }
        case 'move':
          await flush();
          await endpoints.savePositions(
            this.ws,
            doc.mapId,
            edit.after.map(({ actorId, x, y }) => ({ actorId, x, y })),
          );
          break;
        case 'members':
          // In the same batch as the actors it places: a new actor is saved on its map, or not at all.
          if (edit.remove.length)
            batch.push({ op: 'removeMembers', entity: 'map', id: doc.mapId, data: { actorIds: edit.remove.map((p) => p.actorId) } });
          if (edit.add.length)
            batch.push({
              op: 'addMembers',
              entity: 'map',
              id: doc.mapId,
              data: {
                actorIds: edit.add.map((p) => p.actorId),
                positions: Object.fromEntries(edit.add.map((p) => [p.actorId, { x: p.x, y: p.y }])),
                withNeighbours: false,
              },
            });
          break;
      }
    }
    await flush();
    return versions;
  }
}
