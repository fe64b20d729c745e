import { alignmentLabels, powerLabels } from '../../graph/visual';
import { defineCommand } from './command';

/** Records a new reading of power and alignment (dragging on the power grid). */
export const assessActor = defineCommand<{ id: string; power: number; alignment: number }>({
  name: 'assessActor',
  label: 'Assess',
  takes: 'an actor and readings',
  predicate: (editor) => editor.me.canEdit,
  perform: (editor, { id, power, alignment }) => {
    const actor = editor.doc.actors[id];
    if (!actor) return false;
    if (actor.power === power && actor.alignment === alignment) return true;
    return editor.commit({
      summary: `Assess ${actor.name}: ${powerLabels[power]?.toLowerCase()}, ${alignmentLabels[alignment]?.toLowerCase()}`,
      edits: [{ kind: 'assess', actorId: id, before: { power: actor.power, alignment: actor.alignment }, after: { power, alignment } }],
    });
  },
});
