import type { Tx } from '../db/gateway.js';
import type { InternalFieldLists } from '../domain/internal-fields.js';

export interface StoredInternalFields {
  added: InternalFieldLists;
  version: number;
}

/** A workspace's own additions to its internal fields, kept on the workspace node. */
export const internalFieldsRepo = {
  /** `forUpdate` takes the workspace node's write lock first, so a version check cannot race. */
  async get(tx: Tx, ws: string, options: { forUpdate?: boolean } = {}): Promise<StoredInternalFields | undefined> {
    const row = await tx.one<{ actor: string[]; relationship: string[]; assessment: string[]; version: number }>(
      `MATCH (w:Workspace {id: $ws}) WHERE w.deletedAt IS NULL
       ${options.forUpdate ? 'SET w.internalFieldsVersion = coalesce(w.internalFieldsVersion, 1)' : ''}
       RETURN coalesce(w.internalActorFields, []) AS actor,
              coalesce(w.internalRelationshipFields, []) AS relationship,
              coalesce(w.internalAssessmentFields, []) AS assessment,
              coalesce(w.internalFieldsVersion, 1) AS version`,
      { ws },
    );
    if (!row) return undefined;
    const { version, ...added } = row;
    return { added, version };
  },

  async set(tx: Tx, ws: string, added: InternalFieldLists): Promise<number> {
    const row = await tx.one<{ version: number }>(
      `MATCH (w:Workspace {id: $ws})
       SET w.internalActorFields = $actor,
           w.internalRelationshipFields = $relationship,
           w.internalAssessmentFields = $assessment,
           w.internalFieldsVersion = coalesce(w.internalFieldsVersion, 1) + 1
       RETURN w.internalFieldsVersion AS version`,
      { ws, ...added },
    );
    return row!.version;
  },
};
