import { useState } from 'react';
import { actorRoles, type ActorRole } from '../../api/domain';
import { roleLabels } from '../../graph/visual';
import { dispatch } from '../commands';
import { useEditor, useEditorState } from '../context';

/** Roles and tags of several actors at once: one undo step. */
export function BulkEdit({ ids }: { ids: string[] }) {
  const editor = useEditor();
  const actors = useEditorState((s) => s.doc.actors);
  const [tag, setTag] = useState('');
  const chosen = ids.map((id) => actors[id]).filter(Boolean);
  const allHave = (r: ActorRole) => chosen.every((a) => a!.roles.includes(r));
  const tags = [...new Set(chosen.flatMap((a) => a!.tags))].sort();

  return (
    <div className="panel">
      <h3>{chosen.length} actors selected</h3>
      <p className="muted small">{chosen.map((a) => a!.name).join(', ')}</p>
      {editor.me.canEdit && (
        <>
          <fieldset className="field roles">
            <legend>Roles (for all of them)</legend>
            {actorRoles.map((r) => (
              <label key={r} className="inline chip-check">
                <input
                  type="checkbox"
                  checked={allHave(r)}
                  onChange={(e) => void dispatch(editor, 'bulkEdit', e.target.checked ? { ids, addRoles: [r] } : { ids, removeRoles: [r] })}
                />{' '}
                {roleLabels[r]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="bulk-tag">Add a tag to all</label>
            <div className="input-row">
              <input
                id="bulk-tag"
                value={tag}
                onChange={(e) => setTag(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && tag.trim()) {
                    void dispatch(editor, 'bulkEdit', { ids, addTags: [tag.trim()] });
                    setTag('');
                  }
                }}
              />
              <button
                className="btn"
                disabled={!tag.trim()}
                onClick={() => {
                  void dispatch(editor, 'bulkEdit', { ids, addTags: [tag.trim()] });
                  setTag('');
                }}
              >
                Add
              </button>
            </div>
          </div>
          {tags.length > 0 && (
            <div className="field">
              <span className="label">Tags in use (click to remove from all)</span>
              <div>
                {tags.map((t) => (
                  <button
                    key={t}
                    className="tag tag-remove"
                    onClick={() => void dispatch(editor, 'bulkEdit', { ids, removeTags: [t] })}
                    aria-label={`Remove tag ${t} from all`}
                  >
                    {t} ×
                  </button>
                ))}
              </div>
            </div>
          )}
        </>
      )}
      <div className="form-actions">
        {ids.length === 2 && editor.me.canEdit && (
          <button className="btn" onClick={() => editor.store.set({ dialog: { kind: 'relationship', from: ids[0]!, to: ids[1]! } })}>
            Connect these two…
          </button>
        )}
        <button className="btn" onClick={() => editor.store.set({ panel: 'explore' })}>
          Find connections / interlocks
        </button>
      </div>
    </div>
  );
}
