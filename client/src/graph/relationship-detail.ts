import type { Relationship } from '../api/domain';

const common = new Set([
  'id',
  'type',
  'from',
  'to',
  'mutual',
  'strength',
  'startDate',
  'endDate',
  'current',
  'description',
  'privateNotes',
  'sourceIds',
  'version',
  'createdAt',
  'updatedAt',
]);
/** Fields whose value speaks for itself ("Chairman", "Treasurer", "nurse staffing"). */
const plain = new Set(['title', 'role', 'label', 'relation', 'issue', 'how', 'coalition', 'goods', 'services', 'contract', 'filing']);

/** The type's own fields in a few words: "Chairman · board", "$5,000 USD · 2016-03-01". */
export function relationshipDetail(r: Relationship): string {
  const record = r as unknown as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (common.has(key) || value === null || value === undefined || value === '' || value === false) continue;
    if (value === true) parts.push(key);
    else if (key === 'amount' && typeof value === 'number')
      parts.push(`${value.toLocaleString('en-US')}${typeof record.currency === 'string' ? ` ${record.currency}` : ''}`);
    else if (key === 'currency') continue;
    else if (key === 'percent') parts.push(`${String(value)} %`);
    else if (plain.has(key)) parts.push(String(value));
    else if (Array.isArray(value)) parts.push(`${key}: ${value.join(', ')}`);
    else if (typeof value !== 'object') parts.push(`${key} ${String(value)}`);
  }
  return parts.join(' · ');
}
