import type { Placed } from '../../graph/edits';
import { defineCommand } from './command';

/** Saves where actors were dragged on the network (one drag, one step). */
export const moveActors = defineCommand<{ moves: Placed[] }>({
  name: 'moveActors',
  label: 'Move',
  takes: 'moves',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { moves }) => {
    const members = editor.doc.members;
    const real = moves.filter((m) => members[m.actorId] && (members[m.actorId]!.x !== m.x || members[m.actorId]!.y !== m.y));
    if (!real.length) return true;
    const before = real.map((m) => ({ actorId: m.actorId, x: members[m.actorId]!.x ?? m.x, y: members[m.actorId]!.y ?? m.y }));
    const name = real.length === 1 ? (editor.doc.actors[real[0]!.actorId]?.name ?? 'actor') : `${real.length} actors`;
    return editor.commit({ summary: `Move ${name}`, edits: [{ kind: 'move', before, after: real }] });
  },
});
