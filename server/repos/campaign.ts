import type { Tx } from '../db/gateway.js';
import type { Action } from '../domain/action.js';
import { actionDefaults } from '../domain/action.js';
import type { KeyDate } from '../domain/key-date.js';
import { keyDateDefaults } from '../domain/key-date.js';
import type { Task } from '../domain/task.js';
import { taskDefaults } from '../domain/task.js';
import { recordStore } from './records.js';

export const actionStore = recordStore<Action>('action', 'CampaignAction', { ...actionDefaults, responseAssessmentIds: [] });
export const keyDateStore = recordStore<KeyDate>('keyDate', 'KeyDate', keyDateDefaults);
export const taskStore = recordStore<Task>('task', 'ResearchTask', taskDefaults);

/** Members of a workspace among the given user ids, with their names. */
export async function membersAmong(tx: Tx, ws: string, userIds: string[]) {
  const rows = await tx.query<{ id: string; name: string }>(
    'UNWIND $ids AS id MATCH (u:User {id: id})-[:MEMBER_OF]->(w:Workspace {id: $ws}) RETURN u.id AS id, u.name AS name',
    { ws, ids: userIds },
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A workspace's name, for naming what it exports. */
export async function workspaceName(tx: Tx, ws: string): Promise<string | undefined> {
  return (await tx.one<{ name: string }>('MATCH (w:Workspace {id: $ws}) RETURN w.name AS name', { ws }))?.name;
}
