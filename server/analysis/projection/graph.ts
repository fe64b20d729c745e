import { actorRoles, type ActorRole } from '../../domain/actor.js';
import type { AnalysisActor, AnalysisRelationship } from '../../domain/analysis.js';
import { relationshipTypes, type RelationshipType } from '../../domain/relationship.js';

/** Relationship types by number (their place in the closed list), for one-byte storage. */
export const typeCode = new Map<string, number>(relationshipTypes.map((t, i) => [t, i]));
const roleBit = new Map<string, number>(actorRoles.map((r, i) => [r, 1 << i]));
export const BASE_ROLE = roleBit.get('base')!;

/** Alignment is −3…+3; this marks "nobody has assessed it". */
const NO_ALIGNMENT = -128;

const EDGE_ALIVE = 1;
const EDGE_MUTUAL = 2;
const EDGE_BOARD = 4;

/** The fields of an actor record the projection keeps (the rest of a record is ignored). */
export interface ActorFields {
  id: string;
  name: string;
  kind: string;
  roles?: readonly string[] | null;
  power?: number | null;
  alignment?: number | null;
}

/** The fields of a relationship record the projection keeps. */
export interface TieFields {
  id: string;
  type: string;
  from: string;
  to: string;
  strength?: number | null;
  mutual?: boolean | null;
  board?: boolean | null;
}

function grow<T extends Int32Array | Uint8Array | Int8Array | Float64Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 16));
  next.set(array);
  return next;
}

/**
 * One workspace's graph in typed arrays, for the analysis questions.
 *
 * Actors and relationships each get a slot (a small integer) the first time they are seen;
 * a slot's fields live in parallel typed arrays, so 100,000 actors and 1M ties take tens of
 * megabytes instead of the gigabytes of an object per tie. A deleted actor keeps its slot
 * and its ties (marked not alive), because a restore gives them back without naming them.
 *
 * Adjacency is compressed sparse rows (CSR: `offsets`, `adjEdge`, `adjNode`) built in one
 * pass, plus an overlay for ties added since: an edit costs a map lookup and a few array
 * writes (microseconds). A deleted tie is a tombstone (its alive bit cleared) that walks
 * skip; a tie whose ends move (a merge) is a tombstone plus a new slot. When tombstones and
 * overlay entries pass an eighth of the ties, the next question rebuilds the CSR (one pass,
 * O(actors + ties)) — lazily, so a burst of edits costs one rebuild, not one per edit.
 */
export class ProjectionGraph {
  // ---- actors ----
  actorCount = 0;
  actorIds: string[] = [];
  names: string[] = [];
  readonly actorSlot = new Map<string, number>();
  alive = new Uint8Array(16);
  /** 0 person, 1 organization. */
  kind = new Uint8Array(16);
  roles = new Uint8Array(16);
  /** NaN when unassessed. */
  power = new Float64Array(16);
  alignment = new Int8Array(16);

  // ---- ties ----
  edgeCount = 0;
  edgeIds: string[] = [];
  readonly edgeSlot = new Map<string, number>();
  from = new Int32Array(16);
  to = new Int32Array(16);
  type = new Uint8Array(16);
  strength = new Uint8Array(16);
  flags = new Uint8Array(16);

  // ---- adjacency ----
  offsets = new Int32Array(1);
  adjEdge = new Int32Array(0);
  adjNode = new Int32Array(0);
  /** Ties added since the CSR was built, per actor slot. */
  private overlay = new Map<number, number[]>();
  private overlayEdges = 0;
  private tombstones = 0;
  /** Actor slots the CSR covers (later slots have only overlay entries). */
  private csrActors = 0;

  /** The change sequence the graph reflects. */
  seq = 0;
  /** While loading: ties go into the tables only, and compact() builds the adjacency once. */
  private bulk = false;

  /** Starts a bulk load; walks see nothing of it until compact(). */
  beginBulk(): void {
    this.bulk = true;
  }

  // ---- reading ----

  isAlive(v: number): boolean {
    return this.alive[v] === 1;
  }

  edgeAlive(e: number): boolean {
    return (this.flags[e]! & EDGE_ALIVE) !== 0;
  }

  hasRole(v: number, role: ActorRole): boolean {
    return (this.roles[v]! & roleBit.get(role)!) !== 0;
  }

  /** Calls `visit(edge, neighbour)` for every live tie of v (either direction), the CSR first. */
  forEachTie(v: number, visit: (edge: number, other: number) => void): void {
    if (v < this.csrActors) {
      const end = this.offsets[v + 1]!;
      for (let i = this.offsets[v]!; i < end; i++) {
        const e = this.adjEdge[i]!;
        if (this.flags[e]! & EDGE_ALIVE) visit(e, this.adjNode[i]!);
      }
    }
    const extra = this.overlay.get(v);
    if (extra) {
      for (const e of extra) {
        if (!(this.flags[e]! & EDGE_ALIVE)) continue;
        visit(e, this.from[e] === v ? this.to[e]! : this.from[e]!);
      }
    }
  }

  /** Live ties of v, as many as forEachTie visits. */
  degree(v: number): number {
    let n = 0;
    this.forEachTie(v, () => n++);
    return n;
  }

  actor(v: number): AnalysisActor {
    const power = this.power[v]!;
    const alignment = this.alignment[v]!;
    const roles: ActorRole[] = [];
    for (const role of actorRoles) if (this.roles[v]! & roleBit.get(role)!) roles.push(role);
    return {
      id: this.actorIds[v]!,
      name: this.names[v]!,
      kind: this.kind[v] === 1 ? 'organization' : 'person',
      roles,
      power: Number.isNaN(power) ? null : power,
      alignment: alignment === NO_ALIGNMENT ? null : alignment,
    };
  }

  relationship(e: number): AnalysisRelationship {
    return {
      id: this.edgeIds[e]!,
      type: relationshipTypes[this.type[e]!] as RelationshipType,
      from: this.actorIds[this.from[e]!]!,
      to: this.actorIds[this.to[e]!]!,
      strength: this.strength[e]!,
      mutual: (this.flags[e]! & EDGE_MUTUAL) !== 0,
    };
  }

  mutual(e: number): boolean {
    return (this.flags[e]! & EDGE_MUTUAL) !== 0;
  }

  board(e: number): boolean {
    return (this.flags[e]! & EDGE_BOARD) !== 0;
  }

  /** The slot of a live actor, or undefined. */
  liveSlot(id: string): number | undefined {
    const v = this.actorSlot.get(id);
    return v !== undefined && this.alive[v] === 1 ? v : undefined;
  }

  /** Typed arrays and the strings they index, in bytes (strings counted as UTF-16 plus their headers). */
  bytes(): number {
    const arrays = [
      this.alive,
      this.kind,
      this.roles,
      this.power,
      this.alignment,
      this.from,
      this.to,
      this.type,
      this.strength,
      this.flags,
      this.offsets,
      this.adjEdge,
      this.adjNode,
    ];
    let total = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    let text = 0;
    for (let v = 0; v < this.actorCount; v++) text += this.actorIds[v]!.length + this.names[v]!.length;
    // Strings (ids, names) and the two id → slot maps: about 2 bytes a character, 40 a map entry.
    total += 2 * text + 60 * this.actorCount + (2 * 36 + 60) * this.edgeCount + 8 * this.overlayEdges;
    return total;
  }

  // ---- writing ----

  /** Creates or overwrites an actor and makes it alive (create, edit, restore). */
  putActor(a: ActorFields): number {
    let v = this.actorSlot.get(a.id);
    if (v === undefined) v = this.newActor(a.id);
    this.names[v] = a.name;
    this.kind[v] = a.kind === 'organization' ? 1 : 0;
    let bits = 0;
    for (const role of a.roles ?? []) bits |= roleBit.get(role) ?? 0;
    this.roles[v] = bits;
    this.power[v] = a.power ?? NaN;
    this.alignment[v] = a.alignment ?? NO_ALIGNMENT;
    this.alive[v] = 1;
    return v;
  }

  /** Marks an actor deleted: it and its ties stay, unwalked, for a restore. */
  removeActor(id: string): void {
    const v = this.actorSlot.get(id);
    if (v !== undefined) this.alive[v] = 0;
  }

  /** Creates or overwrites a tie; a tie whose ends changed moves to a new slot. */
  putTie(r: TieFields): void {
    const code = typeCode.get(r.type);
    if (code === undefined) return;
    const a = this.actorSlot.get(r.from) ?? this.newActor(r.from);
    const b = this.actorSlot.get(r.to) ?? this.newActor(r.to);
    let e = this.edgeSlot.get(r.id);
    if (e !== undefined && (this.from[e] !== a || this.to[e] !== b)) {
      this.removeTie(r.id);
      e = undefined;
    }
    if (e === undefined) {
      e = this.edgeCount++;
      this.ensureEdges(this.edgeCount);
      this.edgeIds[e] = r.id;
      this.edgeSlot.set(r.id, e);
      this.from[e] = a;
      this.to[e] = b;
      if (a !== b && !this.bulk) {
        this.addOverlay(a, e);
        this.addOverlay(b, e);
      }
    }
    this.type[e] = code;
    this.strength[e] = r.strength ?? 3;
    this.flags[e] = EDGE_ALIVE | (r.mutual ? EDGE_MUTUAL : 0) | (r.board ? EDGE_BOARD : 0);
  }

  removeTie(id: string): void {
    const e = this.edgeSlot.get(id);
    if (e === undefined) return;
    this.edgeSlot.delete(id);
    this.flags[e] = 0;
    this.tombstones++;
  }

  /** Builds the CSR over every slot (used after a bulk load, and lazily after many edits). */
  compact(): void {
    // Live ties move to the front in their order, so a rebuilt graph lists ties as a fresh load does.
    let kept = 0;
    for (let e = 0; e < this.edgeCount; e++) {
      if (!(this.flags[e]! & EDGE_ALIVE)) continue;
      if (kept !== e) {
        this.edgeIds[kept] = this.edgeIds[e]!;
        this.from[kept] = this.from[e]!;
        this.to[kept] = this.to[e]!;
        this.type[kept] = this.type[e]!;
        this.strength[kept] = this.strength[e]!;
        this.flags[kept] = this.flags[e]!;
        this.edgeSlot.set(this.edgeIds[kept]!, kept);
      }
      kept++;
    }
    this.edgeCount = kept;
    this.edgeIds.length = kept;
    const n = this.actorCount;
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < kept; e++) {
      if (this.from[e] === this.to[e]) continue;
      offsets[this.from[e]! + 1]!++;
      offsets[this.to[e]! + 1]!++;
    }
    for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
    const fill = offsets.slice(0, n);
    const adjEdge = new Int32Array(offsets[n]!);
    const adjNode = new Int32Array(offsets[n]!);
    for (let e = 0; e < kept; e++) {
      const a = this.from[e]!;
      const b = this.to[e]!;
      if (a === b) continue;
      adjEdge[fill[a]!] = e;
      adjNode[fill[a]!++] = b;
      adjEdge[fill[b]!] = e;
      adjNode[fill[b]!++] = a;
    }
    this.offsets = offsets;
    this.adjEdge = adjEdge;
    this.adjNode = adjNode;
    this.csrActors = n;
    this.bulk = false;
    this.overlay.clear();
    this.overlayEdges = 0;
    this.tombstones = 0;
  }

  /** Pending edits the CSR does not hold yet (overlay entries and tombstones). */
  get pendingEdits(): number {
    return this.overlayEdges + this.tombstones;
  }

  /** Rebuilds the CSR when edits have piled up; called between questions, never during a walk (slots move). */
  compactIfDue(): void {
    if (this.pendingEdits > Math.max(1_024, this.edgeCount >> 3)) this.compact();
  }

  private addOverlay(v: number, e: number) {
    const list = this.overlay.get(v);
    if (list) list.push(e);
    else this.overlay.set(v, [e]);
    this.overlayEdges++;
  }

  /** A slot for an actor not seen before: dead until its record arrives. */
  private newActor(id: string): number {
    const v = this.actorCount++;
    const n = this.actorCount;
    this.alive = grow(this.alive, n);
    this.kind = grow(this.kind, n);
    this.roles = grow(this.roles, n);
    this.power = grow(this.power, n);
    this.alignment = grow(this.alignment, n);
    this.actorIds[v] = id;
    this.names[v] = id;
    this.actorSlot.set(id, v);
    this.alive[v] = 0;
    this.power[v] = NaN;
    this.alignment[v] = NO_ALIGNMENT;
    return v;
  }

  private ensureEdges(n: number) {
    this.from = grow(this.from, n);
    this.to = grow(this.to, n);
    this.type = grow(this.type, n);
    this.strength = grow(this.strength, n);
    this.flags = grow(this.flags, n);
  }
}

/**
 * The graph as plain, ordered data: what "the same graph" means when an incrementally kept
 * projection is compared with one built afresh (slot numbers and CSR layout may differ).
 */
export function snapshotOf(g: ProjectionGraph) {
  const actors: Array<AnalysisActor & { alive: boolean }> = [];
  for (let v = 0; v < g.actorCount; v++) if (g.isAlive(v)) actors.push({ ...g.actor(v), alive: true });
  actors.sort((a, b) => (a.id < b.id ? -1 : 1));
  const ties: Array<AnalysisRelationship & { board: boolean }> = [];
  for (let e = 0; e < g.edgeCount; e++) {
    if (!g.edgeAlive(e)) continue;
    const r = g.relationship(e);
    // A tie counts when a walk can reach it from either end: both ends alive.
    if (g.isAlive(g.from[e]!) && g.isAlive(g.to[e]!)) ties.push({ ...r, board: g.board(e) });
  }
  ties.sort((a, b) => (a.id < b.id ? -1 : 1));
  const adjacency: Record<string, string[]> = {};
  for (let v = 0; v < g.actorCount; v++) {
    if (!g.isAlive(v)) continue;
    const list: string[] = [];
    g.forEachTie(v, (e, other) => {
      if (g.isAlive(other)) list.push(g.edgeIds[e]!);
    });
    adjacency[g.actorIds[v]!] = list.sort();
  }
  return { actors, ties, adjacency };
}
