import type { FormValues } from '../graph/form-merge';

/**
 * Unsaved form edits, kept in localStorage until saved so a reload or a crash loses nothing,
 * and the forms with unsaved edits open now, so leaving the page can ask first.
 */
const PREFIX = 'powermap:draft:';

export interface Draft {
  base: FormValues;
  mine: FormValues;
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    return d && typeof d.base === 'object' && typeof d.mine === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: Draft | null) {
  try {
    if (draft) localStorage.setItem(PREFIX + key, JSON.stringify(draft));
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage full or switched off: the form still works, it just cannot outlive the page.
  }
}

const open = new Set<string>();

export function markUnsaved(key: string, unsaved: boolean) {
  if (unsaved) open.add(key);
  else open.delete(key);
}

export const hasUnsaved = () => open.size > 0;
