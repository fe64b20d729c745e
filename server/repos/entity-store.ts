import type { Tx } from '../db/gateway.js';
import type { EntityType } from '../domain/change.js';

/** The minimum every versioned record has. */
export interface Stored {
  id: string;
  version: number;
}

/**
 * How one kind of record is read, written whole and removed. The change log stores whole
 * records, so reverting any change is "save the before state" or "remove" through here.
 */
export interface EntityStore<S extends Stored = Stored> {
  type: EntityType;
  load(tx: Tx, ws: string, id: string): Promise<S | null>;
  save(tx: Tx, ws: string, state: S): Promise<void>;
  remove(tx: Tx, ws: string, id: string): Promise<void>;
}

export const nowIso = () => new Date().toISOString();
