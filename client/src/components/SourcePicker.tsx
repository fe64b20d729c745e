import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { keys, errorText, useSources } from '../api/queries';
import { endpoints } from '../api/endpoints';

const isUrl = (text: string) => /^https?:\/\/\S+\.\S+/.test(text.trim());

/**
 * The sources a record cites, and type-ahead to cite more: matches on title, publisher or
 * URL (each shown in full), or a new URL, which becomes a source of the workspace.
 */
export function SourcePicker({
  ws,
  value,
  onChange,
  disabled = false,
  label = 'Sources',
  autoFocus = false,
  onCancel,
}: {
  ws: string;
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  label?: string;
  autoFocus?: boolean;
  /** Esc in the type-ahead. */
  onCancel?: () => void;
}) {
  const sources = useSources(ws);
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const listId = useId();
  const all = sources.data ?? [];
  const byId = new Map(all.map((s) => [s.id, s]));
  const q = text.trim().toLowerCase();
  const matches = q
    ? all
        .filter((s) => !value.includes(s.id))
        .filter((s) => [s.title, s.publisher, s.url].some((f) => f?.toLowerCase().includes(q)))
        .slice(0, 8)
    : [];

  const cite = (id: string) => {
    if (!value.includes(id)) onChange([...value, id]);
    setText('');
    setProblem(null);
  };
  const addNew = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await endpoints.createSource(ws, { url: text.trim() });
      await client.invalidateQueries({ queryKey: keys.sources(ws) });
      cite(created.id);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field source-picker">
      <label className="label" htmlFor={inputId}>
        {label}
      </label>
      {value.length === 0 ? (
        <p className="warn small">No source cited yet.</p>
      ) : (
        <ul className="source-list" aria-label={`${label} cited`}>
          {value.map((id) => {
            const s = byId.get(id);
            return (
              <li key={id} className="source-chip">
                <span>
                  {s?.title && <strong>{s.title} </strong>}
                  <a href={s?.url} target="_blank" rel="noreferrer" className="source-url">
                    {s?.url ?? 'a source not loaded yet'}
                  </a>
                </span>
                {!disabled && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Stop citing ${s?.title ?? s?.url ?? 'this source'}`}
                    onClick={() => onChange(value.filter((v) => v !== id))}
                  >
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!disabled && (
        <>
          <input
            id={inputId}
            type="search"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            placeholder="Type a title or paste a URL"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus={autoFocus}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && onCancel) {
                e.preventDefault();
                e.stopPropagation();
                onCancel();
                return;
              }
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (matches[0]) cite(matches[0].id);
              else if (isUrl(text)) void addNew();
            }}
          />
          {(matches.length > 0 || isUrl(text)) && (
            <ul id={listId} role="listbox" className="source-options" aria-label="Matching sources">
              {matches.map((s) => (
                <li key={s.id} role="option" aria-selected={false} onMouseDown={(e) => e.preventDefault()} onClick={() => cite(s.id)}>
                  {s.title && <strong>{s.title}</strong>}
                  <span className="source-url">{s.url}</span>
                </li>
              ))}
              {isUrl(text) && !matches.some((s) => s.url === text.trim()) && (
                <li role="option" aria-selected={false} aria-disabled={busy} onClick={() => !busy && void addNew()}>
                  <strong>Add as a new source</strong>
                  <span className="source-url">{text.trim()}</span>
                </li>
              )}
            </ul>
          )}
          {problem && (
            <div className="field-error" role="alert">
              {problem}
            </div>
          )}
        </>
      )}
    </div>
  );
}
