import type { Action, AssessmentChange, Demand, KeyDate } from '../api/domain';
import type { TimelineEvent } from './timeline';

const label = (s: string) => s.replace(/_/g, ' ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const signed = (a: number) => (a > 0 ? `+${a}` : String(a));

/** Everyone a demand aims at: its targets and the members of a body it targets. */
export const demandActorIds = (d: Demand) => [
  ...new Set([
    ...d.primaryTargetIds,
    ...d.secondaryTargetIds,
    ...d.decisionMakerIds,
    ...d.primaryTargets.flatMap((t) => t.members.map((m) => m.id)),
  ]),
];

export function statusEvents(demands: Demand[]): TimelineEvent[] {
  return demands.flatMap((d) =>
    d.statusHistory.map((s, i) => ({
      id: `status-${d.id}-${i}`,
      kind: 'status' as const,
      date: s.at,
      title: `${capital(label(s.status))}: ${d.title}`,
      detail: i === 0 ? 'the demand was written' : `was ${label(d.statusHistory[i - 1]!.status)}`,
      actorIds: demandActorIds(d),
    })),
  );
}

export function actionEvents(actions: Action[]): TimelineEvent[] {
  return actions.map((a) => ({
    id: `action-${a.id}`,
    kind: 'action' as const,
    date: a.date,
    title: a.title,
    detail: [label(a.kind), a.lead && `led by ${a.lead}`, a.response && `response: ${a.response}`].filter(Boolean).join(' · '),
    actorIds: a.targetIds,
    level: a.escalation,
  }));
}

/** Key dates; one tied only to demands counts as about those demands' targets. */
export function keyDateEvents(dates: KeyDate[], demands: Demand[]): TimelineEvent[] {
  const byId = new Map(demands.map((d) => [d.id, d]));
  return dates.map((k) => ({
    id: `key-${k.id}`,
    kind: 'key_date' as const,
    date: k.date,
    title: k.title,
    detail: [label(k.kind), k.note].filter(Boolean).join(' · '),
    actorIds: k.actorIds.length ? k.actorIds : k.demandIds.flatMap((id) => (byId.has(id) ? demandActorIds(byId.get(id)!) : [])),
  }));
}

/**
 * Each reading that changed where an actor stands. A first reading is where the map starts,
 * not a move; a reading that repeats the last one moved nobody. A reading that knew only
 * power (or only alignment) keeps the other from before.
 */
export function moveEvents(changes: AssessmentChange[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const c of changes) {
    let power = c.from?.power ?? null;
    let alignment = c.from?.alignment ?? null;
    let known = c.from !== null;
    for (const r of c.readings) {
      const nextPower = r.power ?? power;
      const nextAlignment = r.alignment ?? alignment;
      if (known && (nextPower !== power || nextAlignment !== alignment)) {
        const parts: string[] = [];
        if (nextAlignment !== alignment && nextAlignment !== null)
          parts.push(`alignment ${alignment === null ? '—' : signed(alignment)} → ${signed(nextAlignment)}`);
        if (nextPower !== power && nextPower !== null) parts.push(`power ${power ?? '—'} → ${nextPower}`);
        out.push({
          id: `move-${r.id}`,
          kind: 'move',
          date: r.at,
          title: `${c.name}: ${parts.join(', ')}`,
          detail: r.note || undefined,
          actorIds: [c.actorId],
          direction:
            nextAlignment !== alignment && nextAlignment !== null
              ? alignment === null || nextAlignment > alignment
                ? 'towards'
                : 'away'
              : 'power',
        });
      }
      power = nextPower;
      alignment = nextAlignment;
      known = true;
    }
  }
  return out;
}
