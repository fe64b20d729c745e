import type { Editor } from '../editor';
import type { Command, KeyLike } from './command';
import { addToMap } from './add-to-map';
import { assessActor } from './assess-actor';
import { bulkEdit } from './bulk-edit';
import { createActor } from './create-actor';
import { createRelationship } from './create-relationship';
import { deleteActors } from './delete-actors';
import { deleteRelationship } from './delete-relationship';
import { deleteSelection } from './delete-selection';
import { redo, undo } from './history';
import { moveActors } from './move-actors';
import { quickAdd } from './quick-add';
import { addStoryStep, moveStoryStep, removeStoryStep } from './story';
import * as ui from './ui';
import { updateActor } from './update-actor';
import { updateRelationship } from './update-relationship';

/** Every command, by name. Order matters for keys: the first whose keyTest matches wins. */
export const commands = {
  undo,
  redo,
  deleteActors,
  deleteSelection,
  exportSvg: ui.exportSvg,
  exportPng: ui.exportPng,
  selectAll: ui.selectAll,
  clearSelection: ui.clearSelection,
  openAddActor: ui.openAddActor,
  openPalette: ui.openPalette,
  showHelp: ui.showHelp,
  fit: ui.fit,
  layoutForce: ui.layoutForce,
  layoutConcentric: ui.layoutConcentric,
  toggleLabels: ui.toggleLabels,
  toggleTargets: ui.toggleTargets,
  viewNetwork: ui.viewNetwork,
  viewGrid: ui.viewGrid,
  viewTable: ui.viewTable,
  showView: ui.showView,
  toggleDrawMode: ui.toggleDrawMode,
  drawFrom: ui.drawFrom,
  inspectRelationship: ui.inspectRelationship,
  openShare: ui.openShare,
  showPanel: ui.showPanel,
  closeDialog: ui.closeDialog,
  findConnections: ui.findConnections,
  expandNeighbourhood: ui.expandNeighbourhood,
  createActor,
  quickAdd,
  addToMap,
  updateActor,
  bulkEdit,
  createRelationship,
  updateRelationship,
  deleteRelationship,
  assessActor,
  moveActors,
  addStoryStep,
  removeStoryStep,
  moveStoryStep,
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
type ArgOf<C> = C extends Command<infer A> ? A : never;

export function can(editor: Editor, name: CommandName): boolean {
  const c = commands[name] as Command<unknown>;
  return c.predicate ? c.predicate(editor) : true;
}

/** Runs a command by name if its predicate allows; returns what perform returned. */
export function dispatch<N extends CommandName>(
  editor: Editor,
  name: N,
  ...arg: ArgOf<Commands[N]> extends void ? [] : [ArgOf<Commands[N]>]
) {
  const c = commands[name] as Command<unknown>;
  if (c.predicate && !c.predicate(editor)) return undefined;
  return c.perform(editor, arg[0]);
}

/** Finds and runs the command bound to a key; true when one ran. */
export function dispatchKey(editor: Editor, e: KeyLike): boolean {
  for (const c of Object.values(commands) as Command<unknown>[]) {
    if (c.keyTest?.(e) && (!c.predicate || c.predicate(editor))) {
      void c.perform(editor, undefined);
      return true;
    }
  }
  return false;
}

/** Commands that need nothing more to run, for the command palette. */
export const paletteCommands = () =>
  (Object.entries(commands) as [CommandName, Command<unknown>][]).filter(([, c]) => !c.takes).map(([name, c]) => ({ name, command: c }));

/** Commands with keys, for the help overlay. */
export const shortcuts = () =>
  (Object.values(commands) as Command<unknown>[]).filter((c) => c.keys).map((c) => ({ keys: c.keys!, label: c.label }));
