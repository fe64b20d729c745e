import type { ActorCreate } from '../../api/domain';
import { newActorSpot } from '../placement';
import { defineCommand } from './command';

export interface CreateActorArg {
  data: ActorCreate;
  position?: { x: number; y: number } | null;
  id?: string;
}

/** Creates an actor and puts it on the map, as one step. */
export const createActor = defineCommand<CreateActorArg>({
  name: 'createActor',
  label: 'Create actor',
  takes: 'an actor',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, { data, position, id = crypto.randomUUID() }) => {
    const { id: _ignored, ...fields } = data;
    const p = position ?? newActorSpot(editor);
    const ok = await editor.commit({
      summary: `Add ${data.name}`,
      edits: [
        { kind: 'create', entity: 'actor', id, data: fields },
        { kind: 'members', add: [{ actorId: id, x: p.x, y: p.y }], remove: [], actors: [] },
      ],
    });
    if (ok) editor.store.set({ selection: { actors: [id], relationships: [] }, focusRequest: { id, n: Date.now() } });
    return ok;
  },
});
