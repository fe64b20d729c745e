import type { ActorKind, ActorRole, Sector } from '../../domain/actor.js';
import type { ImportRowError, ImportWarning, LabelSuggestion } from '../../domain/import-job.js';
import type { RelationshipType } from '../../domain/relationship.js';

/**
 * What every format reads into, before anything is matched against the workspace: actors
 * by a reference local to the file, ties between those references, and the sources they cite.
 */
export interface IncomingActor {
  /** Unique within the file: an external id or the name key. */
  ref: string;
  row: number;
  name: string;
  kind: ActorKind;
  externalIds: Record<string, string>;
  aliases?: string[];
  description?: string;
  tags?: string[];
  roles?: ActorRole[];
  sector?: Sector;
  power?: number;
  alignment?: number;
  /** A company's shares outstanding, from which a holding counted in shares gets a percent. */
  sharesOutstanding?: number;
  links?: string[];
  /** The URLs the actor's own fields cite (new actors cite them; a matched one is left as it is). */
  sourceUrls?: string[];
}

export interface IncomingTie {
  row: number;
  from: string;
  to: string;
  type: RelationshipType;
  /** Common and type-specific fields (startDate, amount, title…); validated by the plan. */
  fields: Record<string, unknown>;
  sourceUrls: string[];
}

export interface IncomingSource {
  url: string;
  title?: string | null;
  publisher?: string | null;
}

export interface Incoming {
  actors: IncomingActor[];
  ties: IncomingTie[];
  /** Details of cited URLs where the file gives them (title, publisher). */
  sources: IncomingSource[];
  errors: ImportRowError[];
  /** Rows read and deliberately left out (an FtM Address, an empty row). */
  skipped: number;
  totalRows: number;
  labels: LabelSuggestion[];
  /** What the researcher should know though nothing failed: totals that disagree, rows left out. */
  warnings: ImportWarning[];
  /**
   * Holdings this file restates in full (a 13F restatement): the owner's OWNERSHIP ties of that
   * as-of date that the file does not hold again are removed in the same transaction.
   */
  restates: { from: string; asOf: string }[];
}

export const emptyIncoming = (): Incoming => ({
  actors: [],
  ties: [],
  sources: [],
  errors: [],
  skipped: 0,
  totalRows: 0,
  labels: [],
  warnings: [],
  restates: [],
});

/** Where a reader hands each record as it reads it: a plan (streamed) or an Incoming (whole). */
export interface RecordSink {
  actor(a: IncomingActor): void;
  tie(t: IncomingTie): void;
  source(s: IncomingSource): void;
}

/** A sink that keeps every record in `out`. */
export const collect = (out: Incoming): RecordSink => ({
  actor: (a) => void out.actors.push(a),
  tie: (t) => void out.ties.push(t),
  source: (s) => void out.sources.push(s),
});

/** Collects how free-text labels were read, for the wizard's suggestion table. */
export class LabelTally {
  private readonly counts = new Map<string, { type: RelationshipType; rows: number }>();
  add(label: string, type: RelationshipType) {
    const hit = this.counts.get(label);
    if (hit) hit.rows++;
    else this.counts.set(label, { type, rows: 1 });
  }
  list(): LabelSuggestion[] {
    return [...this.counts]
      .map(([label, { type, rows }]) => ({ label, type, rows }))
      .sort((a, b) => b.rows - a.rows)
      .slice(0, 200);
  }
}
