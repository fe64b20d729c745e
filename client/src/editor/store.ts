import type { TargetLevel } from '../graph/targets';
import type { GraphDoc } from '../graph/doc';
import { emptyDoc } from '../graph/doc';
import type { Step } from '../graph/edits';
import type { Centre } from '../graph/map-address';

export type View = 'network' | 'grid' | 'table';
export type Panel = 'inspector' | 'explore' | 'story' | 'history';
export type LayoutName = 'fcose' | 'concentric' | 'grid';

export interface Selection {
  actors: string[];
  relationships: string[];
}

export interface Highlight {
  actors: string[];
  relationships: string[];
  label: string;
}

export type Dialog =
  | { kind: 'addActor'; position?: { x: number; y: number } }
  | { kind: 'relationship'; from: string; to: string }
  | { kind: 'help' }
  | { kind: 'palette' }
  | { kind: 'expand'; actorId: string }
  | { kind: 'share' }
  | { kind: 'conflict'; step: Step; entity: string; id: string; mine: Record<string, unknown>; theirs: Record<string, unknown> };

/** Everything about the editor that is not server data: one store, read by every view. */
export interface EditorState {
  doc: GraphDoc;
  selection: Selection;
  view: View;
  panel: Panel;
  highlight: Highlight | null;
  dialog: Dialog | null;
  edgeLabels: boolean;
  /** Dragging from an actor draws a tie instead of moving it; stays on until Esc or the button. */
  drawMode: boolean;
  layout: { name: LayoutName; request: number };
  fitRequest: number;
  focusRequest: { id: string; n: number } | null;
  /** Where the reader last moved the camera to (kept in the address), and a camera asked for by one. */
  centre: Centre | null;
  centreRequest: { centre: Centre; n: number } | null;
  sizeBy: Record<string, number> | null;
  colorBy: Record<string, string> | null;
  /** Who the workspace's open demands target, and whether the map marks them. */
  targets: Record<string, TargetLevel>;
  showTargets: boolean;
  story: number | null;
  message: { tone: 'error' | 'info'; text: string } | null;
  /** Who last changed each record elsewhere, from the live feed (for "Rosa changed the notes…"). */
  authors: Record<string, string>;
  pending: number;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export const initialState = (doc: GraphDoc = emptyDoc()): EditorState => ({
  doc,
  selection: { actors: [], relationships: [] },
  view: 'network',
  panel: 'inspector',
  highlight: null,
  dialog: null,
  edgeLabels: false,
  drawMode: false,
  layout: { name: 'fcose', request: 0 },
  fitRequest: 0,
  focusRequest: null,
  centre: null,
  centreRequest: null,
  sizeBy: null,
  colorBy: null,
  targets: {},
  showTargets: true,
  story: null,
  message: null,
  authors: {},
  pending: 0,
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
});

type Listener = () => void;

export class Store<S> {
  private listeners = new Set<Listener>();
  constructor(private state: S) {}
  get = () => this.state;
  set(patch: Partial<S> | ((s: S) => Partial<S>)) {
    const next = typeof patch === 'function' ? patch(this.state) : patch;
    this.state = { ...this.state, ...next };
    this.listeners.forEach((l) => l());
  }
  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
