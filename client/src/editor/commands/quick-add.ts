import { relationshipCreate, relationshipRules, type Relationship } from '../../api/domain';
import { visibleActors, visibleRelationships, type GraphDoc } from '../../graph/doc';
import { duplicateTies } from '../../graph/duplicate-ties';
import { parseQuickAdd, tieFields, type KnownActor } from '../../graph/quick-add';
import { defineCommand } from './command';
import { createActor } from './create-actor';
import { createRelationship } from './create-relationship';

export interface QuickAddResult {
  ok: boolean;
  /** What was not understood or could not be saved, in words. */
  problems: string[];
  /** Ties already recorded with the same ends, type and dates: nothing was saved. */
  duplicates: Relationship[];
}

const mutualTypes = new Set(Object.entries(relationshipRules).flatMap(([type, rule]) => (rule.mutual === 'always' ? [type] : [])));

/** The actors a quick-add line may name: those on this map. */
export const knownActors = (doc: GraphDoc): KnownActor[] =>
  visibleActors(doc).map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases }));

export const HOW_TO_QUICK_ADD = 'Type “Name, kind, role, power 3” for an actor, or “From -> To type amount date link” for a tie.';

/**
 * One line of the command palette becomes an actor, or a tie citing the page it links to,
 * as one undoable step. A tie that repeats one already recorded is not saved unless asked.
 */
export const quickAdd = defineCommand<{ line: string; allowDuplicate?: boolean }>({
  name: 'quickAdd',
  label: 'Quick add an actor or a tie',
  takes: 'a line',
  predicate: (editor) => editor.me.canEdit,
  perform: async (editor, { line, allowDuplicate = false }): Promise<QuickAddResult> => {
    const none = { ok: false, problems: [], duplicates: [] };
    const parsed = parseQuickAdd(line, knownActors(editor.doc));
    if (!parsed) return { ...none, problems: [HOW_TO_QUICK_ADD] };
    if (parsed.problems.length) return { ...none, problems: parsed.problems };
    if (parsed.kind === 'actor') {
      const { actor } = parsed;
      const ok = (await createActor.perform(editor, { data: { ...actor } })) === true;
      return { ...none, ok };
    }
    const tie = parsed.tie!;
    const fields = tieFields(tie);
    const duplicates = duplicateTies(
      {
        type: tie.type,
        from: tie.from,
        to: tie.to,
        startDate: (fields.startDate as string) ?? null,
        endDate: tie.endDate,
        date: (fields.date as string) ?? null,
      },
      visibleRelationships(editor.doc),
      mutualTypes,
    );
    if (duplicates.length && !allowDuplicate) return { ...none, duplicates };
    let sourceIds: string[] = [];
    if (tie.url) {
      if (!editor.transport.cite) return { ...none, problems: ['Sources cannot be cited on this page.'] };
      try {
        sourceIds = [await editor.transport.cite(tie.url)];
      } catch (error) {
        return { ...none, problems: [`The source could not be saved: ${error instanceof Error ? error.message : String(error)}`] };
      }
    }
    const checked = relationshipCreate.safeParse({ ...fields, sourceIds });
    if (!checked.success) return { ...none, problems: checked.error.issues.map((i) => `${i.path.join('.') || 'The tie'}: ${i.message}`) };
    const ok = (await createRelationship.perform(editor, { data: checked.data })) === true;
    return { ...none, ok };
  },
});
