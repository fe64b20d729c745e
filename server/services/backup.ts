import { randomUUID } from 'node:crypto';
import type { Gateway, Tx } from '../db/gateway.js';
import { actorData, actorDefaults, type Actor, type ActorKind } from '../domain/actor.js';
import {
  backup as backupSchema,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupChange,
  type RestoreResult,
} from '../domain/backup.js';
import type { Diff } from '../domain/change.js';
import { demandData, demandDefaults } from '../domain/demand.js';
import type { InternalFieldLists } from '../domain/internal-fields.js';
import { mapData, mapDefaults } from '../domain/map.js';
import type { Relationship } from '../domain/relationship.js';
import { normalizeUrl, sourceData, sourceDefaults } from '../domain/source.js';
import { invalid, notFound } from '../domain/errors.js';
import { parseOrInvalid } from '../domain/errors.js';
import { demandStore } from '../repos/demands.js';
import { backupReads, backupWrites, type ChangeRow, type TakenKind } from '../repos/backup.js';
import { loadGraph } from '../repos/graph.js';
import { internalFieldsRepo } from '../repos/internal-fields.js';
import { nowIso } from '../repos/entity-store.js';
import { workspacesRepo } from '../repos/workspaces.js';
import { lockWorkspace, recordChange, type Author } from './changes.js';
import { readBackupStream } from '../io/backup-stream.js';
import { insertActors, insertRelationships } from './bulk.js';
import { checkRelationship, withDefaults } from './relationship-rules.js';
import { mutate, type WriteContext } from './unit-of-work.js';

/** Everything a workspace holds, read in one transaction, as complete records. */
export async function readContents(tx: Tx, ws: string) {
  const workspace = await backupReads.workspace(tx, ws);
  if (!workspace) throw notFound('Workspace');
  const graph = await loadGraph(tx, ws);
  const internal = await internalFieldsRepo.get(tx, ws);
  const byName = (a: Actor, b: Actor) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return {
    workspace: { name: workspace.name, description: workspace.description },
    internalFields: internal?.added ?? { actor: [], relationship: [], assessment: [] },
    actors: [...graph.actors].sort(byName),
    relationships: [...graph.relationships].sort((a, b) => a.id.localeCompare(b.id)),
    sources: await backupReads.sources(tx, ws),
    demands: await backupReads.demands(tx, ws),
    assessments: (await backupReads.assessments(tx, ws)).map(({ version: _v, ...a }) => a),
    maps: await backupReads.maps(tx, ws),
  };
}
export type WorkspaceContents = Awaited<ReturnType<typeof readContents>>;

/** A backup as this server writes it: every record complete. */
export type BackupDocument = WorkspaceContents & {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  history: BackupChange[] | null;
};

/** A backup document of some contents (docs/backup-format.md). */
export function toBackup(contents: WorkspaceContents, history: BackupChange[] | null = null): BackupDocument {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: nowIso(), ...contents, history };
}

/** Everything a workspace is, as of one read transaction; with its change history if asked. */
export async function readBackup(tx: Tx, ws: string, options: { history?: boolean } = {}): Promise<BackupDocument> {
  const contents = await readContents(tx, ws);
  return toBackup(contents, options.history ? ((await backupReads.changes(tx, ws)) as BackupChange[]) : null);
}

/** A backup from a parsed JSON value: a 400 naming the first field that is wrong. */
export function parseBackup(value: unknown, prefix = 'body'): Backup {
  return parseOrInvalid(backupSchema, value, prefix);
}

export interface RestoreCounts {
  counts: Omit<RestoreResult['counts'], 'changes'>;
  renamed: number;
  sourcesMatched: number;
  /** Old id → id in the workspace, for every record whose id changed. */
  ids: Map<string, string>;
}

function noRepeats(ids: string[], what: string, path: string) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      throw invalid(`The backup holds two ${what} with the id ${id}.`, [{ path: `${path}.${i}.id`, message: 'repeats an id' }]);
    seen.add(id);
  });
}

/**
 * Writes a checked backup into the workspace of `ctx`, inside its transaction, as diffs of
 * that one change. Every reference is checked against the backup itself (a tie's ends, a
 * demand's targets, a map's members, a reading's actor, cited sources); an id already taken
 * in this workspace gets a fresh one, and every reference to it follows. A source whose URL
 * the workspace already has is not copied: its ties cite the existing one. The workspace's
 * own settings stay; fields the backup keeps internal are added to its internal fields.
 */
export async function restoreBackupInto(ctx: WriteContext, backup: Backup, prefix = 'body'): Promise<RestoreCounts> {
  const { tx, ws } = ctx;
  const now = nowIso();
  noRepeats(
    backup.actors.map((a) => a.id),
    'actors',
    `${prefix}.actors`,
  );
  noRepeats(
    backup.relationships.map((r) => r.id),
    'relationships',
    `${prefix}.relationships`,
  );
  noRepeats(
    backup.sources.map((s) => s.id),
    'sources',
    `${prefix}.sources`,
  );
  noRepeats(
    backup.demands.map((d) => d.id),
    'demands',
    `${prefix}.demands`,
  );
  noRepeats(
    backup.assessments.map((a) => a.id),
    'assessments',
    `${prefix}.assessments`,
  );
  noRepeats(
    backup.maps.map((m) => m.id),
    'maps',
    `${prefix}.maps`,
  );

  // Complete records, each checked as a create would check it.
  const actors: Actor[] = backup.actors.map((a, i) => {
    const { id, version, createdAt, updatedAt, ...fields } = a;
    const data = parseOrInvalid(actorData, { ...actorDefaults, ...fields }, `${prefix}.actors.${i}`);
    return { id, ...data, version: version ?? 1, createdAt: createdAt ?? now, updatedAt: updatedAt ?? createdAt ?? now };
  });
  const kinds = new Map<string, ActorKind>(actors.map((a) => [a.id, a.kind]));
  const sourceIds = new Set(backup.sources.map((s) => s.id));
  actors.forEach((a, i) => {
    const missing = a.sourceIds.find((s) => !sourceIds.has(s));
    if (missing)
      throw invalid(`Source ${missing} is not in this backup.`, [
        { path: `${prefix}.actors.${i}.sourceIds`, message: `unknown source ${missing}` },
      ]);
  });
  const relationships = backup.relationships.map((r, i) => {
    const { id, version, createdAt, updatedAt, ...fields } = r;
    const data = checkRelationship(withDefaults(fields as never), { kinds, sources: sourceIds }, `${prefix}.relationships.${i}`);
    return { ...data, id, version: version ?? 1, createdAt: createdAt ?? now, updatedAt: updatedAt ?? createdAt ?? now } as Relationship;
  });
  const relationshipIds = new Set(relationships.map((r) => r.id));
  const sources = backup.sources.map((s, i) => {
    const { id, version, createdAt, updatedAt, ...fields } = s;
    const data = parseOrInvalid(sourceData, { ...sourceDefaults, ...fields }, `${prefix}.sources.${i}`);
    return { id, ...data, version: version ?? 1, createdAt: createdAt ?? now, updatedAt: updatedAt ?? createdAt ?? now };
  });
  const mustBeActor = (actorId: string, path: string) => {
    if (!kinds.has(actorId))
      throw invalid(`${path} names actor ${actorId}, which the backup does not hold.`, [{ path, message: 'no such actor in the backup' }]);
  };
  const demands = backup.demands.map((d, i) => {
    const { id, version, createdAt, updatedAt, statusHistory, ...fields } = d;
    const data = parseOrInvalid(demandData, { ...demandDefaults, ...fields }, `${prefix}.demands.${i}`);
    data.primaryTargetIds.forEach((t, j) => mustBeActor(t, `${prefix}.demands.${i}.primaryTargetIds.${j}`));
    data.secondaryTargetIds.forEach((t, j) => mustBeActor(t, `${prefix}.demands.${i}.secondaryTargetIds.${j}`));
    const made = createdAt ?? now;
    return {
      id,
      ...data,
      statusHistory: statusHistory ?? [{ status: data.status, at: made, by: null }],
      version: version ?? 1,
      createdAt: made,
      updatedAt: updatedAt ?? made,
    };
  });
  backup.assessments.forEach((a, i) => mustBeActor(a.actorId, `${prefix}.assessments.${i}.actorId`));
  const maps = backup.maps.map((m, i) => {
    const { id, version, createdAt, updatedAt, ...fields } = m;
    const data = parseOrInvalid(mapData, { ...mapDefaults, ...fields }, `${prefix}.maps.${i}`);
    data.members.forEach((member, j) => mustBeActor(member.actorId, `${prefix}.maps.${i}.members.${j}.actorId`));
    data.annotations.forEach((note, j) => {
      note.actorIds.forEach((a, k) => mustBeActor(a, `${prefix}.maps.${i}.annotations.${j}.actorIds.${k}`));
      note.relationshipIds.forEach((r, k) => {
        if (!relationshipIds.has(r)) {
          throw invalid(`A story step names relationship ${r}, which the backup does not hold.`, [
            { path: `${prefix}.maps.${i}.annotations.${j}.relationshipIds.${k}`, message: 'no such relationship in the backup' },
          ]);
        }
      });
    });
    return { id, ...data, version: version ?? 1, createdAt: createdAt ?? now, updatedAt: updatedAt ?? createdAt ?? now };
  });

  // Fresh ids where this workspace already uses one; sources by URL reuse what is there.
  const ids = new Map<string, string>();
  let renamed = 0;
  const renameTaken = async (kind: TakenKind, list: { id: string }[]) => {
    const taken = await backupWrites.taken(
      tx,
      ws,
      kind,
      list.map((x) => x.id),
    );
    for (const record of list) {
      if (!taken.has(record.id)) continue;
      ids.set(record.id, randomUUID());
      renamed++;
    }
  };
  const existingSources = await backupWrites.sourcesByUrlKey(tx, ws, [...new Set(sources.map((s) => normalizeUrl(s.url)))]);
  const newSources: typeof sources = [];
  const seenUrl = new Map<string, string>();
  for (const source of sources) {
    const key = normalizeUrl(source.url);
    const same = existingSources.get(key) ?? seenUrl.get(key);
    if (same) ids.set(source.id, same);
    else {
      seenUrl.set(key, source.id);
      newSources.push(source);
    }
  }
  const sourcesMatched = sources.length - newSources.length;
  await renameTaken('actor', actors);
  await renameTaken('relationship', relationships);
  await renameTaken(
    'source',
    newSources.filter((s) => !ids.has(s.id)),
  );
  await renameTaken('demand', demands);
  await renameTaken('assessment', backup.assessments);
  await renameTaken('map', maps);
  const to = (id: string) => ids.get(id) ?? id;

  const restoredActors = actors.map((a) => ({ ...a, id: to(a.id), sourceIds: [...new Set(a.sourceIds.map(to))] }));
  const restoredRelationships = relationships.map((r) => ({
    ...r,
    id: to(r.id),
    from: to(r.from),
    to: to(r.to),
    sourceIds: [...new Set(r.sourceIds.map(to))],
  }));
  await insertActors(ctx, restoredActors, [], null);
  await insertRelationships(ctx, restoredRelationships, []);

  const restoredSources = newSources.map((s) => ({ ...s, id: to(s.id) }));
  await backupWrites.sources(
    tx,
    ws,
    restoredSources.map(({ id, ...props }) => ({ id, props: { ...props, urlKey: normalizeUrl(props.url) } })),
  );
  const diffs: Diff[] = restoredSources.map((s) => ({ entityType: 'source', entityId: s.id, before: null, after: s }));

  const restoredDemands = demands.map((d) => ({
    ...d,
    id: to(d.id),
    primaryTargetIds: d.primaryTargetIds.map(to),
    secondaryTargetIds: d.secondaryTargetIds.map(to),
    targetWhy: Object.fromEntries(Object.entries(d.targetWhy).map(([actorId, why]) => [to(actorId), why])),
  }));
  // Few per workspace, and their targets, reasons and status history are stored as the demand store keeps them.
  for (const demand of restoredDemands) await demandStore.save(tx, ws, demand);
  diffs.push(...restoredDemands.map((d): Diff => ({ entityType: 'demand', entityId: d.id, before: null, after: d })));

  const restoredAssessments = backup.assessments.map((a) => ({ ...a, id: to(a.id), actorId: to(a.actorId), version: 1 }));
  await backupWrites.assessments(
    tx,
    ws,
    restoredAssessments.map(({ id, at, version: _v, ...props }) => ({ id, at, props })),
  );
  diffs.push(...restoredAssessments.map((a): Diff => ({ entityType: 'assessment', entityId: a.id, before: null, after: a })));

  const restoredMaps = maps.map((m) => ({
    ...m,
    id: to(m.id),
    members: m.members.map((member) => ({ ...member, actorId: to(member.actorId) })).sort((a, b) => a.actorId.localeCompare(b.actorId)),
    annotations: m.annotations.map((note) => ({ ...note, actorIds: note.actorIds.map(to), relationshipIds: note.relationshipIds.map(to) })),
  }));
  await backupWrites.maps(
    tx,
    ws,
    restoredMaps.map(({ id, members, annotations, ...props }) => ({
      id,
      props,
      annotations: JSON.stringify(annotations),
      members: members.map((member) => ({ actorId: member.actorId, x: member.x, y: member.y, style: JSON.stringify(member.style ?? {}) })),
    })),
  );
  diffs.push(...restoredMaps.map((m): Diff => ({ entityType: 'map', entityId: m.id, before: null, after: m })));
  ctx.diffs.push(...diffs);

  await keepInternal(tx, ws, backup.internalFields);
  return {
    counts: {
      actors: restoredActors.length,
      relationships: restoredRelationships.length,
      sources: restoredSources.length,
      demands: restoredDemands.length,
      assessments: restoredAssessments.length,
      maps: restoredMaps.length,
    },
    renamed,
    sourcesMatched,
    ids,
  };
}

/** What the backup kept internal stays internal here too (added to, never narrowed). */
async function keepInternal(tx: Tx, ws: string, wanted: InternalFieldLists) {
  const current = await internalFieldsRepo.get(tx, ws, { forUpdate: true });
  if (!current) return;
  const merged = {
    actor: [...new Set([...current.added.actor, ...wanted.actor])].sort(),
    relationship: [...new Set([...current.added.relationship, ...wanted.relationship])].sort(),
    assessment: [...new Set([...current.added.assessment, ...wanted.assessment])].sort(),
  };
  const same = (Object.keys(merged) as (keyof InternalFieldLists)[]).every((k) => merged[k].length === current.added[k].length);
  if (!same) await internalFieldsRepo.set(tx, ws, merged);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The backup's history, renumbered into this workspace: change ids are unique across the
 * whole database, so every change gets a fresh one, and ids inside the diffs follow the
 * records' new ids.
 */
function remapHistory(history: NonNullable<Backup['history']>, ids: Map<string, string>): ChangeRow[] {
  const changeIds = new Map(history.map((c) => [c.id, randomUUID()]));
  const all = new Map([...ids, ...changeIds]);
  const remapText = (text: string) => text.replace(UUID, (id) => all.get(id) ?? id);
  return [...history]
    .sort((a, b) => a.seq - b.seq)
    .map((c) => ({
      ...c,
      id: changeIds.get(c.id)!,
      revertOf: c.revertOf ? (changeIds.get(c.revertOf) ?? null) : null,
      revertedBy: c.revertedBy ? (changeIds.get(c.revertedBy) ?? null) : null,
      diffs: all.size ? (JSON.parse(remapText(JSON.stringify(c.diffs))) as Diff[]) : c.diffs,
    }));
}

const summaryOf = (backup: Backup, counts: RestoreCounts['counts']) =>
  `Restored a backup of “${backup.workspace.name}” (${counts.actors} actors, ${counts.relationships} relationships, ${counts.maps} maps)`;

/**
 * Restores a backup into an existing workspace as one change, all or nothing (the import
 * jobs' format=backup). The history is not restored here: it would interleave with this
 * workspace's own.
 */
export async function restoreBackup(
  db: Gateway,
  ws: string,
  backup: Backup,
  author: Author | null,
): Promise<RestoreResult & { changeId: string | null }> {
  const { result, change } = await mutate(
    db,
    ws,
    author,
    'batch',
    (r: RestoreCounts) => summaryOf(backup, r.counts),
    (ctx) => restoreBackupInto(ctx, backup),
  );
  return {
    workspaceId: ws,
    counts: { ...result.counts, changes: 0 },
    renamed: result.renamed,
    sourcesMatched: result.sourcesMatched,
    historyRestored: false,
    changeId: change?.id ?? null,
  };
}

/**
 * A backup file uploaded as an import job: read, checked (a 400 naming the first wrong field),
 * then restored, or only counted for a dry run. Read as a stream (readBackupStream), so that
 * reading a large backup does not hold up other requests; `onProgress` hears the records read.
 */
export async function restoreBackupFile(input: {
  db: Gateway;
  ws: string;
  author: Author | null;
  path: string;
  dryRun: boolean;
  onProgress?: (records: number) => Promise<void> | void;
}) {
  const backup = await readBackupStream(input.path, { onProgress: input.onProgress });
  if (input.dryRun) {
    return {
      counts: importCountsOf(
        { actors: backup.actors.length, relationships: backup.relationships.length, sources: backup.sources.length },
        0,
      ),
      changeId: null,
    };
  }
  const restored = await restoreBackup(input.db, input.ws, backup, input.author);
  return { counts: importCountsOf(restored.counts, restored.sourcesMatched), changeId: restored.changeId };
}

const importCountsOf = (counts: { actors: number; relationships: number; sources: number }, sourcesMatched: number) => ({
  actorsCreated: counts.actors,
  actorsMatched: 0,
  relationshipsCreated: counts.relationships,
  relationshipsMatched: 0,
  sourcesCreated: Math.max(0, counts.sources - sourcesMatched),
  skipped: 0,
});

/**
 * A new workspace owned by `owner`, holding the backup, in one transaction: its settings,
 * its records, then (when asked and present) its history, followed by one change of the
 * restore itself.
 */
export async function restoreToNewWorkspace(
  db: Gateway,
  owner: Author,
  backup: Backup,
  options: { history?: boolean } = {},
): Promise<RestoreResult> {
  return db.write(async (tx) => {
    const ws = randomUUID();
    await workspacesRepo.create(tx, { id: ws, name: backup.workspace.name, description: backup.workspace.description }, owner.id);
    const ctx: WriteContext = { tx, ws, author: owner, diffs: [] };
    const restored = await restoreBackupInto(ctx, backup);
    if (backup.history)
      noRepeats(
        backup.history.map((c) => c.id),
        'changes',
        'body.history',
      );
    const history = options.history !== false && backup.history?.length ? remapHistory(backup.history, restored.ids) : [];
    if (history.length) {
      await backupWrites.changes(tx, ws, history);
      await backupWrites.setChangeSeq(tx, ws, history.at(-1)!.seq);
    }
    const seq = await lockWorkspace(tx, ws);
    if (ctx.diffs.length) await recordChange(tx, ws, seq, owner, 'batch', summaryOf(backup, restored.counts), ctx.diffs);
    return {
      workspaceId: ws,
      counts: { ...restored.counts, changes: history.length },
      renamed: restored.renamed,
      sourcesMatched: restored.sourcesMatched,
      historyRestored: history.length > 0,
    };
  }, 'restore');
}
