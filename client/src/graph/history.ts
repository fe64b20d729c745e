import { invertStep, type Step } from './edits';

/**
 * Undo and redo stacks of steps. Only the user's own gestures enter it: remote updates and
 * the initial load are applied to the document without passing through here.
 */
export class UndoHistory {
  private done: Step[] = [];
  private undone: Step[] = [];
  constructor(private readonly limit = 200) {}

  record(step: Step) {
    if (!step.edits.length) return;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }
  canUndo() {
    return this.done.length > 0;
  }
  canRedo() {
    return this.undone.length > 0;
  }
  peekUndo(): Step | undefined {
    return this.done[this.done.length - 1];
  }
  peekRedo(): Step | undefined {
    return this.undone[this.undone.length - 1];
  }
  /** The step to apply to undo, moved to the redo stack; undefined when there is nothing. */
  undo(): Step | undefined {
    const step = this.done.pop();
    if (!step) return undefined;
    this.undone.push(step);
    return invertStep(step);
  }
  redo(): Step | undefined {
    const step = this.undone.pop();
    if (!step) return undefined;
    this.done.push(step);
    return step;
  }
  /** Puts a step back when applying its undo or redo failed, so nothing is lost. */
  rollbackUndo() {
    const step = this.undone.pop();
    if (step) this.done.push(step);
  }
  rollbackRedo() {
    const step = this.done.pop();
    if (step) this.undone.push(step);
  }
  clear() {
    this.done = [];
    this.undone = [];
  }
}
