import type { Editor } from '../editor';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

/**
 * A named editor action. Toolbar, context menu and keyboard dispatch it by name; the
 * predicate says whether it applies now (disabled buttons, ignored keys).
 */
export interface Command<A = void> {
  name: string;
  label: string;
  /** How the key is shown in the help overlay, e.g. "Ctrl Z". */
  keys?: string;
  keyTest?: (e: KeyLike) => boolean;
  /** What the command needs to be given (an actor, a view…); the command palette lists only those that need nothing. */
  takes?: string;
  predicate?: (editor: Editor) => boolean;
  perform: (editor: Editor, arg: A) => unknown;
}

export const mod = (e: KeyLike) => !!(e.ctrlKey || e.metaKey);
export const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;

export function defineCommand<A = void>(command: Command<A>): Command<A> {
  return command;
}
