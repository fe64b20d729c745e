import type { ExportCaption } from '../graph/export-frame';
import type { Change } from '../api/domain';
import { applyEdits, type Versions } from '../graph/apply';
import type { GraphDoc } from '../graph/doc';
import { reflects } from '../graph/echo';
import { invertStep, type Step } from '../graph/edits';
import { UndoHistory } from '../graph/history';
import { initialState, Store, type EditorState } from './store';
import { SaveConflict, type Transport } from './transport';

/** Canvas hooks a view registers so commands can reach it (export, fit). */
export interface CanvasHooks {
  /** The view as a picture in its frame: the caption's title, subtitle and legend around it. */
  png?: (caption: ExportCaption) => Promise<Blob | null> | Blob | null;
  svg?: (caption: ExportCaption) => string | null;
  /** Begins drawing a tie from this actor (the network's edge handles). */
  connectFrom?: (actorId: string) => void;
  /** The model point at the middle of what the canvas shows. */
  viewCentre?: () => { x: number; y: number };
}

/** Applies a doc's exact versions once the server has answered. */
function withVersions(doc: GraphDoc, versions: Versions): GraphDoc {
  let actors = doc.actors;
  let relationships = doc.relationships;
  let mapVersion = doc.mapVersion;
  for (const [id, v] of Object.entries(versions)) {
    if (typeof v !== 'number') continue;
    const a = actors[id];
    if (a && a.version !== v) actors = { ...actors, [id]: { ...a, version: v } };
    const r = relationships[id];
    if (r && r.version !== v) relationships = { ...relationships, [id]: { ...r, version: v } };
    if (id === doc.mapId) mapVersion = v;
  }
  return { ...doc, actors, relationships, mapVersion };
}

/**
 * The editor without React: a store, the undo history and the transport. Every user edit
 * is a Step applied at once to the document (so the screen answers immediately), saved
 * through the transport, and recorded as one undo step. Saving failures put things back
 * and say why; a stale version opens the conflict dialog with both versions.
 */
export class Editor {
  readonly store: Store<EditorState>;
  readonly history = new UndoHistory();
  canvas: CanvasHooks = {};
  /** Whose map this is, for the attribution on exported pictures. */
  workspaceName = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly transport: Transport,
    doc?: GraphDoc,
    readonly me: { id: string | null; canEdit: boolean } = { id: null, canEdit: true },
  ) {
    this.store = new Store(initialState(doc));
  }

  get state() {
    return this.store.get();
  }
  get doc() {
    return this.store.get().doc;
  }

  /** The server's current picture (initial load, refetch, a remote change): never recorded. */
  receive(doc: GraphDoc) {
    const { selection } = this.state;
    const keep = (ids: string[], has: (id: string) => boolean) => ids.filter(has);
    this.store.set({
      doc,
      selection: {
        actors: keep(selection.actors, (id) => !!doc.actors[id] && !!doc.members[id]),
        relationships: keep(selection.relationships, (id) => !!doc.relationships[id]),
      },
    });
  }

  /**
   * Records and saves one gesture. Resolves true when the server accepted it. `record: false`
   * saves without an undo step (the first layout of a map nobody has arranged yet).
   */
  commit(step: Step, options: { record?: boolean } = {}): Promise<boolean> {
    if (!step.edits.length) return Promise.resolve(true);
    if (!this.me.canEdit) {
      this.say('error', 'You can view this workspace but not edit it; ask an owner for the editor role.');
      return Promise.resolve(false);
    }
    return this.enqueue(async () => {
      const ok = await this.apply(step, false);
      if (ok && options.record !== false) this.history.record(step);
      this.syncHistory();
      return ok;
    });
  }

  undo(): Promise<boolean> {
    return this.enqueue(async () => {
      const step = this.history.undo();
      if (!step) return false;
      const ok = await this.apply(step, true);
      if (!ok) this.history.rollbackUndo();
      this.syncHistory();
      if (ok) this.say('info', `Undone: ${step.summary.replace(/^Undo: /, '')}`);
      return ok;
    });
  }

  redo(): Promise<boolean> {
    return this.enqueue(async () => {
      const step = this.history.redo();
      if (!step) return false;
      const ok = await this.apply(step, true);
      if (!ok) this.history.rollbackRedo();
      this.syncHistory();
      if (ok) this.say('info', `Redone: ${step.summary}`);
      return ok;
    });
  }

  /**
   * Whether a change from the live feed is already in the document: the echo of this editor's
   * own save once the server's answer is in (so it waits for saves under way).
   */
  async reflects(change: Change): Promise<boolean> {
    await this.settled();
    return reflects(this.doc, change);
  }

  /** Resolves when every edit so far has been saved (or refused). */
  settled() {
    return this.queue.then(() => undefined);
  }

  say(tone: 'error' | 'info', text: string) {
    this.store.set({ message: { tone, text } });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(step: Step, replay: boolean): Promise<boolean> {
    const before = this.doc;
    this.store.set((s) => ({ doc: applyEdits(s.doc, step.edits), pending: s.pending + 1 }));
    try {
      const versions = await this.transport.run(step.edits, { doc: before, replay, summary: step.summary });
      this.store.set((s) => ({ doc: withVersions(s.doc, versions), pending: s.pending - 1 }));
      return true;
    } catch (error) {
      // Put the document back as it was before this step, then explain.
      this.store.set((s) => ({ doc: applyEdits(s.doc, invertStep(step).edits), pending: s.pending - 1 }));
      this.explain(step, error);
      return false;
    }
  }

  private explain(step: Step, error: unknown) {
    if (error instanceof SaveConflict) {
      const theirs = error.current;
      const id = String(theirs.id ?? '');
      const edit = step.edits.find((e) => 'id' in e && e.id === id) ?? step.edits[0]!;
      const mine = edit.kind === 'update' ? edit.after : edit.kind === 'assess' ? edit.after : 'data' in edit ? edit.data : {};
      this.store.set({
        dialog: {
          kind: 'conflict',
          step,
          entity: 'entity' in edit ? edit.entity : 'actor',
          id,
          mine: mine as Record<string, unknown>,
          theirs,
        },
      });
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    this.say('error', `Not saved — ${step.summary}: ${detail}`);
  }

  private syncHistory() {
    const u = this.history.peekUndo();
    const r = this.history.peekRedo();
    this.store.set({ canUndo: !!u, canRedo: !!r, undoLabel: u?.summary ?? null, redoLabel: r?.summary ?? null });
  }
}
