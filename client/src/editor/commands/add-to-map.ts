import type { Actor } from '../../api/domain';
import { newActorSpot } from '../placement';
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
  takes: 'actors',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, { actors, positions = {}, summary }) => {
    const fresh = actors.filter((a) => !editor.doc.members[a.id]);
    if (!fresh.length) return true;
    const given: { x: number; y: number }[] = [];
    const add = fresh.map((a) => {
      const at = positions[a.id] ?? newActorSpot(editor, given);
      given.push(at);
      return { actorId: a.id, x: at.x, y: at.y };
    });
    return editor.commit({
      summary: summary ?? (fresh.length === 1 ? `Add ${fresh[0]!.name} to the map` : `Add ${fresh.length} actors to the map`),
      edits: [{ kind: 'members', add, remove: [], actors: fresh }],
    });
  },
});
