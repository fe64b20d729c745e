import type { Tx } from '../db/gateway.js';
import type { BackupChange } from '../domain/backup.js';
import { notFound } from '../domain/errors.js';
import type { GraphExport } from '../io/export-model.js';
import { backupReads } from '../repos/backup.js';
import { readContents, toBackup, type BackupDocument, type WorkspaceContents } from './backup.js';

/**
 * What an export holds: the whole workspace, or one map with its actors, the ties among
 * them, the sources those cite and those actors' readings (demands are the workspace's,
 * and stay out of a map's export). The history only goes into a whole-workspace backup.
 */
export interface ExportSelection {
  graph: GraphExport;
  document: BackupDocument;
}

function onlyMap(contents: WorkspaceContents, mapId: string): WorkspaceContents | null {
  const map = contents.maps.find((m) => m.id === mapId);
  if (!map) return null;
  const shown = new Set(map.members.map((m) => m.actorId));
  const relationships = contents.relationships.filter((r) => shown.has(r.from) && shown.has(r.to));
  const actors = contents.actors.filter((a) => shown.has(a.id));
  const cited = new Set([...relationships.flatMap((r) => r.sourceIds), ...actors.flatMap((a) => a.sourceIds ?? [])]);
  const kept = new Set(relationships.map((r) => r.id));
  return {
    ...contents,
    actors,
    relationships,
    sources: contents.sources.filter((s) => cited.has(s.id)),
    demands: [],
    assessments: contents.assessments.filter((a) => shown.has(a.actorId)),
    // A story step may name a tie to an actor off the map; that reference goes with it.
    maps: [
      {
        ...map,
        annotations: map.annotations.map((n) => ({
          ...n,
          actorIds: n.actorIds.filter((a) => shown.has(a)),
          relationshipIds: n.relationshipIds.filter((r) => kept.has(r)),
        })),
      },
    ],
  };
}

export async function readExport(
  tx: Tx,
  ws: string,
  options: { mapId?: string | undefined; history?: boolean } = {},
): Promise<ExportSelection> {
  const all = await readContents(tx, ws);
  const contents = options.mapId ? onlyMap(all, options.mapId) : all;
  if (!contents) throw notFound('Map');
  const map = options.mapId ? contents.maps[0] : undefined;
  const history = !options.mapId && options.history ? await backupReads.changes(tx, ws) : null;
  return {
    graph: {
      name: map?.name ?? contents.workspace.name,
      actors: contents.actors,
      relationships: contents.relationships,
      sources: contents.sources,
      internal: contents.internalFields,
      ...(map ? { members: map.members } : {}),
    },
    document: toBackup(contents, history as BackupChange[] | null),
  };
}
