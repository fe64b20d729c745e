import { z } from 'zod';
import { id, isoDate, isoDateTime, shortText, version } from './common.js';

export const sourceFields = {
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
  title: shortText.nullable(),
  publisher: shortText.nullable(),
  publishedAt: isoDate.nullable(),
  accessedAt: isoDate.nullable(),
  excerpt: z.string().max(5000).nullable(),
};
export const sourceDefaults = { title: null, publisher: null, publishedAt: null, accessedAt: null, excerpt: null };

export const sourceData = z.strictObject(sourceFields);
export type SourceData = z.infer<typeof sourceData>;

export const sourceCreate = z
  .strictObject(sourceFields)
  .partial()
  .required({ url: true })
  .extend({ id: id.optional() })
  .meta({ id: 'SourceCreate' });
export const sourcePatch = z.strictObject(sourceFields).partial().extend({ version: version.optional() }).meta({ id: 'SourcePatch' });

export const source = z.object({ id, ...sourceFields, version, createdAt: isoDateTime, updatedAt: isoDateTime }).meta({ id: 'Source' });
export type Source = z.infer<typeof source>;

const TRACKING = /^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/;

/**
 * The key under which a URL is one source: scheme and host lower-cased, "www." and default
 * ports dropped, fragment and tracking parameters removed, remaining parameters sorted,
 * trailing slash trimmed. http and https count as the same page.
 */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw.trim());
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = url.pathname.replace(/\/+$/, '');
  return `${host}${port}${pathname}${query}`;
}
