import { stakeWording, type Relationship } from '../api/domain';

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

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A stake in words: "owns 25–50 %", "owns at least 5 %", "owns 12 % (as of 2024-03-31)" and what qualifies it. */
function stakeDetail(record: Record<string, unknown>): string {
  const stake = { percent: num(record.percent), percentMin: num(record.percentMin), percentMax: num(record.percentMax) };
  const parts: string[] = [];
  if (stake.percent !== null || stake.percentMin !== null || stake.percentMax !== null) {
    parts.push(`owns ${stakeWording(stake)}${typeof record.asOf === 'string' ? ` (as of ${record.asOf})` : ''}`);
  } else if (typeof record.asOf === 'string') parts.push(`as of ${record.asOf}`);
  if (record.basis === 'voting') parts.push('of the votes');
  if (record.basis === 'consolidation') parts.push('consolidated');
  if (record.basis === 'lp_commitment') {
    const amount = num(record.commitment);
    parts.push(
      amount === null
        ? 'limited partner'
        : `limited partner, commits ${amount.toLocaleString('en-US')}${typeof record.currency === 'string' ? ` ${record.currency}` : ''}`,
    );
  }
  if (record.generalPartner === true) parts.push('general partner');
  if (record.declared === 'indirect') parts.push('declared indirect');
  if (record.declared === 'ultimate_parent') parts.push('declared ultimate parent');
  const shares = num(record.shares);
  if (shares !== null) parts.push(`${shares.toLocaleString('en-US')} shares`);
  const value = num(record.value);
  if (value !== null)
    parts.push(`worth ${value.toLocaleString('en-US')}${typeof record.currency === 'string' ? ` ${record.currency}` : ''}`);
  return parts.join(' · ');
}

/** The type's own fields in a few words: "Chairman · board", "$5,000 USD · 2016-03-01". */
export function relationshipDetail(r: Relationship): string {
  const record = r as unknown as Record<string, unknown>;
  if (record.type === 'OWNERSHIP') return stakeDetail(record);
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
