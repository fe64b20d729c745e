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
}
