import type { Gateway } from '../db/gateway.js';
import { relationshipTypes } from '../domain/relationship.js';
import type { ReachAnswer } from '../domain/share.js';
import { notFound } from '../domain/errors.js';
import { coalitionRepo, sharesRepo, type ReachRow } from '../repos/shares.js';
import { redactForPartner } from './share-redaction.js';

/** How many coalition maps one question reads; a coalition shares dozens, not thousands. */
export const MAX_COALITION_MAPS = 200;

/** `"wikidata":"Q42"` exactly as JSON.stringify writes the pair inside externalIdsJson. */
const fragment = (key: string, value: string) => JSON.stringify({ [key]: value }).slice(1, -1);

/** Which identity made this record the target: its id, or the first external id both share. */
function matchOf(row: ReachRow, target: { id: string; externalIds: Record<string, string> }): string | null {
  if (row.targetActorId === target.id) return 'id';
  const theirs = JSON.parse(row.targetExternalIds ?? '{}') as Record<string, string>;
  for (const [key, value] of Object.entries(target.externalIds)) if (theirs[key] === value) return `${key}:${value}`;
  return null;
}

/**
 * Who in the coalition can reach the target: across every map in an accepted share offered
 * by this workspace or to it, the actors with a tie to the target (the same actor, or one
 * carrying the same external id), grouped by the organisation each tie came from — the map's
 * workspace, or the partner that added the tie. Only what those maps show is read.
 */
export async function coalitionReach(db: Gateway, ws: string, q: { target: string; limit: number }): Promise<ReachAnswer> {
  const found = await db.read(async (tx) => {
    const target = (await coalitionRepo.actorInWorkspace(tx, ws, q.target)) ?? (await coalitionRepo.actorOnSharedMap(tx, ws, q.target));
    if (!target) return null;
    const maps = await coalitionRepo.maps(tx, ws, MAX_COALITION_MAPS + 1);
    const externalIds = JSON.parse(target.externalIds ?? '{}') as Record<string, string>;
    const fragments = Object.entries(externalIds).flatMap(([k, v]) => [`${fragment(k, v)},`, `${fragment(k, v)}}`]);
    const searched = maps.slice(0, MAX_COALITION_MAPS);
    const rows = searched.length
      ? await coalitionRepo.ties(
          tx,
          searched.map((m) => ({ id: m.id, workspaceId: m.workspace.id })),
          target.id,
          fragments,
          relationshipTypes,
          q.limit + 1,
        )
      : [];
    const byMap = new Map(searched.map((m) => [m.id, m]));
    const contributions = new Map<string, { id: string; name: string }>();
    for (const m of searched) {
      const ids = rows.filter((r) => r.mapId === m.id).map((r) => r.relationshipId);
      for (const c of await sharesRepo.contributions(tx, m.workspace.id, ids)) contributions.set(c.entityId, c.workspace);
    }
    return { target: { ...target, externalIds }, maps, searched, rows, byMap, contributions };
  }, 'coalition.reach');
  if (!found) throw notFound('That target (an actor of this workspace or of a map shared with it)');

  const { target, maps, searched, byMap, contributions } = found;
  const rows = found.rows.slice(0, q.limit);
  const partners = new Map<string, ReachAnswer['partners'][number]>();
  const actorsByWorkspace = new Map<string, Map<string, ReachRow['other']>>();
  const seen = new Set<string>();
  for (const row of rows) {
    const matchedBy = matchOf(row, target);
    const map = byMap.get(row.mapId);
    if (!matchedBy || !map || seen.has(`${row.mapId}:${row.relationshipId}`)) continue;
    seen.add(`${row.mapId}:${row.relationshipId}`);
    const from = contributions.get(row.relationshipId) ?? map.workspace;
    const group = partners.get(from.id) ?? { workspace: { ...from, isUs: from.id === ws }, ties: [], strongest: 0 };
    const strength = row.strength ?? 3;
    group.ties.push({
      relationshipId: row.relationshipId,
      type: row.type as ReachAnswer['partners'][number]['ties'][number]['type'],
      strength,
      mutual: row.mutual ?? false,
      direction: row.towardsTarget ? 'to-target' : 'from-target',
      actorId: row.other.id,
      targetActorId: row.targetActorId,
      matchedBy,
      mapId: row.mapId,
    });
    group.strongest = Math.max(group.strongest, strength);
    partners.set(from.id, group);
    const actors = actorsByWorkspace.get(map.workspace.id) ?? new Map<string, ReachRow['other']>();
    actors.set(row.other.id, row.other);
    actorsByWorkspace.set(map.workspace.id, actors);
  }

  // Partner data is redacted by the workspace it comes from; our own stays as it is.
  const actors: ReachAnswer['actors'] = [];
  for (const [owner, group] of actorsByWorkspace) {
    const list = [...group.values()];
    actors.push(...(owner === ws ? list : (await redactForPartner(db, owner, { actors: list })).actors));
  }
  const ordered = [...partners.values()].sort(
    (a, b) => b.strongest - a.strongest || b.ties.length - a.ties.length || a.workspace.name.localeCompare(b.workspace.name),
  );
  const truncated = found.rows.length > q.limit || maps.length > searched.length;
  const tieCount = ordered.reduce((n, p) => n + p.ties.length, 0);
  return {
    target: { id: target.id, name: target.name, kind: target.kind, externalIds: target.externalIds, workspace: target.workspace },
    partners: ordered,
    maps: searched,
    actors,
    truncated,
    note:
      searched.length === 0
        ? 'No accepted shares yet: share a map with a partner, or accept one, to see the coalition’s reach.'
        : `${tieCount} tie${tieCount === 1 ? '' : 's'} to ${target.name} on ${searched.length} coalition map${searched.length === 1 ? '' : 's'}, matched by actor id${Object.keys(target.externalIds).length ? ' or shared external ids' : ''}${truncated ? '; more were found than listed' : ''}.`,
  };
}
