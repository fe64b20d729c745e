import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints';
import { paths } from '../router';
import { Link } from '../components/Link';

const label = (s: string) => s.replace(/_/g, ' ');
const day = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** On an actor's profile: the demands that target them (and why), and their key dates. */
export function ActorCampaign({ ws, actorId }: { ws: string; actorId: string }) {
  const demands = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'demands'],
    queryFn: async () => (await endpoints.demandsTargeting(ws, actorId)).items,
  });
  const dates = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'key-dates'],
    queryFn: async () => (await endpoints.keyDates(ws, { actor: actorId })).items,
  });
  return (
    <>
      <section className="card" data-testid="actor-targets">
        <h2>Targeted by</h2>
        {demands.data && demands.data.length > 0 ? (
          <ul className="plain">
            {demands.data.map((d) => {
              const primary =
                d.primaryTargets.find((t) => t.id === actorId) ?? d.primaryTargets.find((t) => t.members.some((m) => m.id === actorId));
              const secondary = d.secondaryTargets.find((t) => t.id === actorId);
              const why = (primary ?? secondary)?.why;
              return (
                <li key={d.id}>
                  <Link to={paths.demand(ws, d.id)}>{d.title}</Link> <span className={`badge badge-${d.status}`}>{label(d.status)}</span>
                  <div className="muted small">
                    {primary
                      ? primary.id === actorId
                        ? 'Primary target'
                        : `Primary target, as a member of ${primary.name}`
                      : 'Secondary target'}
                    {why ? ` — ${why}` : ''}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">No demand targets this actor.</p>
        )}
      </section>
      <section className="card" data-testid="actor-key-dates">
        <h2>Key dates</h2>
        {dates.data && dates.data.length > 0 ? (
          <ul className="plain">
            {dates.data.map((k) => (
              <li key={k.id}>
                <strong>{day(k.date)}</strong> {k.title} <span className="muted small">({label(k.kind)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No key dates.</p>
        )}
      </section>
    </>
  );
}
