import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { rangeWording, type OwnerItem, type OwnershipAnswer, type OwnershipChain, type PensionAnswer } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { errorText } from '../api/queries';
import { Link } from '../components/Link';
import { highlightQuery } from '../graph/highlight-link';
import { paths } from '../router';

const chainPath = (c: OwnershipChain) => ({
  actors: [...new Set(c.steps.flatMap((s) => [s.from, s.to]))],
  relationships: c.steps.map((s) => s.relationshipId),
});

/** One holder: its share beside whether it controls, its strongest chain, the others on demand. */
function OwnerRow({ ws, owner, mapId }: { ws: string; owner: OwnerItem; mapId: string | null }) {
  const [open, setOpen] = useState(false);
  const [best, ...more] = owner.chains;
  const show = (c: OwnershipChain) =>
    mapId ? (
      <Link to={`${paths.map(ws, mapId)}${highlightQuery({ ...chainPath(c), label: `Chain: ${c.sentence}` })}`} className="small">
        Show on map
      </Link>
    ) : null;
  return (
    <li className="owner-row" data-testid="owner">
      <div>
        <Link to={paths.actor(ws, owner.actorId)}>{owner.name}</Link> <strong>{rangeWording(owner.share)}</strong>
        {owner.ultimate && <span className="tag">ultimate owner</span>}
        {owner.controls && <span className="tag">controls</span>}
      </div>
      {best && (
        <div className="small">
          {best.sentence} {show(best)}
          {best.steps.some((s) => s.sourceIds.length === 0) && <span className="warn"> uncited step</span>}
        </div>
      )}
      {more.length > 0 && (
        <button type="button" className="btn-link small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Fewer chains' : `${more.length} more chain${more.length > 1 ? 's' : ''}`}
        </button>
      )}
      {open && (
        <ul className="plain small">
          {more.map((c) => (
            <li key={c.steps.map((s) => s.relationshipId).join()}>
              {c.sentence} {show(c)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * On an organisation's profile: who ultimately owns and controls it (look-through shares,
 * each with its explained chain) and the pension funds exposed to it, ours first.
 */
export function ActorOwners({ ws, actorId, mapId }: { ws: string; actorId: string; mapId: string | null }) {
  const owners = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'owners'],
    queryFn: () => endpoints.analysis<OwnershipAnswer>(ws, 'ownership', { target: actorId }),
  });
  const pension = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'pension-exposure'],
    queryFn: () => endpoints.analysis<PensionAnswer>(ws, 'pension-exposure', { target: actorId }),
  });
  const o = owners.data;
  const top = o?.owners.filter((x) => x.ultimate || x.controls) ?? [];
  const rest = o?.owners.filter((x) => !x.ultimate && !x.controls) ?? [];
  return (
    <section className="card span-2" data-testid="actor-owners">
      <h2>Owners</h2>
      {owners.isError && <p className="warn">{errorText(owners.error)}</p>}
      {o && o.owners.length === 0 && <p className="muted">No owner of this organisation is on the map.</p>}
      {o && o.owners.length > 0 && (
        <>
          <h3>Ultimate owners and controllers</h3>
          {top.length ? (
            <ul className="plain">
              {top.map((x) => (
                <OwnerRow key={x.actorId} ws={ws} owner={x} mapId={mapId} />
              ))}
            </ul>
          ) : (
            <p className="muted">None on the map.</p>
          )}
          {rest.length > 0 && (
            <>
              <h3>Holders on the way</h3>
              <ul className="plain">
                {rest.map((x) => (
                  <OwnerRow key={x.actorId} ws={ws} owner={x} mapId={mapId} />
                ))}
              </ul>
            </>
          )}
          <p className="muted small">
            {o.note} “Controls” means more than {o.controlThreshold} % of the votes with what it controls, or general partner or
            consolidating parent.
          </p>
          {!mapId && <p className="muted small">Put this organisation on a map to see its chains there.</p>}
        </>
      )}
      {pension.data && pension.data.funds.length > 0 && (
        <>
          <h3>Pension funds exposed</h3>
          <ul className="plain" data-testid="pension-funds">
            {pension.data.funds.map((f) => (
              <li key={f.actorId}>
                <Link to={paths.actor(ws, f.actorId)}>{f.name}</Link> {f.share && <strong>{rangeWording(f.share)}</strong>}
                {f.ours && <span className="tag">our trustee</span>}
                {f.limitedPartner.map((lp) => (
                  <div key={lp.relationshipId} className="small">
                    limited partner in {lp.fundName} ({rangeWording(lp.fundShare)} of this organisation)
                    {lp.exposure && lp.commitment !== null
                      ? `: ${lp.exposure.min.toLocaleString('en-US')}${lp.exposure.max !== lp.exposure.min ? `–${lp.exposure.max.toLocaleString('en-US')}` : ''} ${lp.currency ?? ''} of its ${lp.commitment.toLocaleString('en-US')} commitment`
                      : ''}
                  </div>
                ))}
                {f.trustees.length > 0 && (
                  <div className="small">
                    Trustees:{' '}
                    {f.trustees.map((t, i) => (
                      <span key={t.relationshipId}>
                        {i > 0 && ', '}
                        <Link to={paths.actor(ws, t.actorId)}>{t.name}</Link>
                        {t.ours && ' (ours)'}
                      </span>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
