import type { ActorRole } from '../../api/domain';
import { changedFields, type Edit } from '../../graph/edits';
import { defineCommand } from './command';

export interface BulkEditArg {
  ids: string[];
  addRoles?: ActorRole[];
  removeRoles?: ActorRole[];
  addTags?: string[];
  removeTags?: string[];
}

const merge = <T>(list: T[], add: T[] = [], remove: T[] = []) => [
  ...list.filter((x) => !remove.includes(x)),
  ...add.filter((x) => !list.includes(x)),
];

/** Adds or removes roles and tags on many actors as one step. */
export const bulkEdit = defineCommand<BulkEditArg>({
  name: 'bulkEdit',
  label: 'Edit roles and tags',
  takes: 'actors and changes',
  predicate: (editor) => editor.me.canEdit && editor.state.selection.actors.length > 0,
  perform: (editor, arg) => {
    const edits: Edit[] = [];
    for (const id of arg.ids) {
      const actor = editor.doc.actors[id];
      if (!actor) continue;
      const diff = changedFields(actor as unknown as Record<string, unknown>, {
        roles: merge(actor.roles, arg.addRoles, arg.removeRoles),
        tags: merge(actor.tags, arg.addTags, arg.removeTags),
      });
      if (diff) edits.push({ kind: 'update', entity: 'actor', id, ...diff });
    }
    return editor.commit({ summary: `Edit roles and tags of ${edits.length} actor${edits.length === 1 ? '' : 's'}`, edits });
  },
});
