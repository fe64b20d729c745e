import type { Gateway } from '../db/gateway.js';
import type { Workspace } from '../domain/workspace.js';
import { conflict } from '../domain/errors.js';
import { workspacesRepo } from '../repos/workspaces.js';

/** Renames or describes a workspace, refused when someone changed it since the version the caller edited. */
export function updateWorkspace(
  db: Gateway,
  ws: string,
  userId: string,
  based: number | undefined,
  fields: { name?: string | undefined; description?: string | undefined },
): Promise<Workspace> {
  return db.write(async (tx) => {
    const current = (await workspacesRepo.get(tx, ws, userId))!;
    if (based !== undefined && based !== current.version) {
      throw conflict(`The workspace was changed by someone else (you edited version ${based}, it is now ${current.version}).`, { current });
    }
    return workspacesRepo.update(tx, ws, userId, fields);
  });
}
