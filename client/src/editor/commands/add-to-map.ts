import type { Actor } from '../../api/domain';
import { defineCommand } from './command';

export interface AddToMapArg {
  actors: Actor[];
  positions?: Record<string, { x: number; y: number }>;
  summary?: string;
}

/** Puts existing workspace actors on this map (a search pick, an expanded neighbourhood). */
export const addToMap = defineCommand<AddToMapArg>({
  name: 'addToMap',
  label: 'Add to map',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, { actors, positions = {}, summary }) => {
    const fresh = actors.filter((a) => !editor.doc.members[a.id]);
    if (!fresh.length) return true;
    const add = fresh.map((a, i) => ({ actorId: a.id, x: positions[a.id]?.x ?? 60 * i, y: positions[a.id]?.y ?? 0 }));
    return editor.commit({
      summary: summary ?? (fresh.length === 1 ? `Add ${fresh[0]!.name} to the map` : `Add ${fresh.length} actors to the map`),
      edits: [{ kind: 'members', add, remove: [], actors: fresh }],
    });
  },
});
