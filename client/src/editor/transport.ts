import type { GraphDoc } from '../graph/doc';
import type { Edit } from '../graph/edits';
import type { Versions } from '../graph/apply';

export interface RunContext {
  /** The document as it was before these edits (versions come from here). */
  doc: GraphDoc;
  /** True for undo and redo: an actor created again comes back by restore. */
  replay: boolean;
  summary: string;
}

/** Where edits are saved: the API in the app, a plain recorder in the commands' tests. */
export interface Transport {
  run(edits: Edit[], context: RunContext): Promise<Versions>;
  /** The id of the workspace's source for this URL, recorded now if nobody cited it before. */
  cite?(url: string): Promise<string>;
}

/**
 * Someone saved the record since this client loaded it: the save was refused and `current`
 * is the record as it is now. The transport reports this; the editor opens the conflict dialog.
 */
export class SaveConflict extends Error {
  constructor(
    message: string,
    readonly current: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SaveConflict';
  }
}
