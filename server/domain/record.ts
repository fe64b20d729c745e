/** The bookkeeping every versioned record carries; everything else is the record's data. */
export const RECORD_META = ['id', 'version', 'createdAt', 'updatedAt'] as const;
export type RecordMeta = (typeof RECORD_META)[number];

/** A record without its bookkeeping: what a patch is merged into and checked against the schema. */
export function dataOf<T extends object>(record: T): Omit<T, RecordMeta> {
  const data = { ...record } as Record<string, unknown>;
  for (const key of RECORD_META) delete data[key];
  return data as Omit<T, RecordMeta>;
}
