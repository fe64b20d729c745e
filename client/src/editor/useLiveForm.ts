import { useCallback, useEffect, useRef, useState } from 'react';
import { mergeForm, touched, type Clash, type FormValues } from '../graph/form-merge';
import { markUnsaved, readDraft, writeDraft } from './drafts';

export interface Notice extends Clash {
  /** Who saved the other value, when the live feed said. */
  who: string | null;
}

interface State<T> {
  base: T;
  form: T;
  clashes: Notice[];
}

function start<T extends FormValues>(key: string, record: T): State<T> {
  const draft = readDraft(key);
  if (!draft) return { base: record, form: record, clashes: [] };
  const merged = mergeForm(draft.base as T, { ...record, ...draft.mine } as T, record);
  return { base: record, form: merged.values, clashes: merged.clashes.map((c) => ({ ...c, who: null })) };
}

/**
 * A form over a record that others edit at the same time. A new version of the record
 * updates the fields this person has not touched and leaves the ones they have, reporting
 * those someone else changed meanwhile; unsaved edits live in localStorage until saved.
 */
export function useLiveForm<T extends FormValues>(key: string, record: T, whoChanged: () => string | null) {
  const [state, setState] = useState(() => start(key, record));
  const recordKey = JSON.stringify(record);
  const who = useRef(whoChanged);
  who.current = whoChanged;
  // While this form's own save is under way the record changing is that save, not a colleague.
  const own = useRef(false);
  const typedNow = useRef(state.form);
  typedNow.current = state.form;

  useEffect(() => {
    const ours = own.current;
    setState((s) => {
      if (JSON.stringify(s.base) === recordKey) return s;
      if (ours) return { base: record, form: record, clashes: [] };
      const merged = mergeForm(s.base, s.form, record);
      const fresh = merged.clashes.map((c) => ({ ...c, who: who.current() }));
      const kept = s.clashes.filter((c) => !fresh.some((f) => f.field === c.field) && touched(record, merged.values).includes(c.field));
      return { base: record, form: merged.values, clashes: [...kept, ...fresh] };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the record's content, not its identity, is what changed
  }, [recordKey]);

  const dirty = touched(state.base, state.form).length > 0;
  useEffect(() => {
    writeDraft(key, dirty ? { base: state.base, mine: state.form } : null);
    markUnsaved(key, dirty);
  }, [key, dirty, state.base, state.form]);
  useEffect(() => () => markUnsaved(key, false), [key]);

  const setForm = useCallback((form: T) => setState((s) => ({ ...s, form })), []);
  const keepMine = useCallback((field: string) => setState((s) => ({ ...s, clashes: s.clashes.filter((c) => c.field !== field) })), []);
  const takeTheirs = useCallback(
    (field: string) =>
      setState((s) => {
        const clash = s.clashes.find((c) => c.field === field);
        return clash ? { ...s, form: { ...s.form, [field]: clash.theirs }, clashes: s.clashes.filter((c) => c.field !== field) } : s;
      }),
    [],
  );
  /** Runs this form's save; a refused save puts back what was typed. */
  const save = useCallback(async (run: () => Promise<boolean>) => {
    const typed = typedNow.current;
    own.current = true;
    const ok = await run().finally(() => {
      own.current = false;
    });
    if (!ok) setState((s) => ({ ...s, form: typed }));
    return ok;
  }, []);
  return { form: state.form, setForm, dirty, clashes: state.clashes, keepMine, takeTheirs, save };
}
