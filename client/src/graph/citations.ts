import type { Source } from '../api/domain';

export interface Citation {
  n: number;
  url: string | null;
  title: string;
  detail: string | null;
}

/** Numbers every source a document cites, in the order first cited, so each claim carries [n]. */
export class Citations {
  private order = new Map<string, number>();
  readonly items: Citation[] = [];

  private cite(key: string, entry: Omit<Citation, 'n'>) {
    let n = this.order.get(key);
    if (n === undefined) {
      n = this.items.length + 1;
      this.order.set(key, n);
      this.items.push({ n, ...entry });
    }
    return n;
  }

  source(s: Pick<Source, 'id' | 'url' | 'title' | 'publisher' | 'publishedAt'>) {
    const detail = [s.publisher, s.publishedAt].filter(Boolean).join(', ') || null;
    return this.cite(`source:${s.id}`, { url: s.url, title: s.title ?? s.url, detail });
  }

  /** A reading's source is free text: a URL, or where the reading came from. */
  reading(text: string) {
    const t = text.trim();
    return this.cite(`reading:${t}`, { url: /^https?:\/\//.test(t) ? t : null, title: t, detail: 'assessment source' });
  }
}
