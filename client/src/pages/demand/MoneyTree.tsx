import { useQueries } from '@tanstack/react-query';
import { rangeWording, type OwnershipAnswer, type PensionAnswer } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { Link } from '../../components/Link';
import { hasMoney, moneyTree } from '../../graph/money-tree';
import { paths } from '../../router';

type Company = { id: string; name: string };

/** The ownership and pension answers for each company among the targets; a failed one reads as "not known". */
export function useMoneyTree(ws: string, companies: Company[]) {
  const ask = <T,>(question: string, id: string) => ({
    queryKey: ['ws', ws, 'analysis', question, id],
    queryFn: () => endpoints.analysis<T>(ws, question, { target: id }),
    retry: false,
  });
  const owners = useQueries({ queries: companies.map((c) => ask<OwnershipAnswer>('ownership', c.id)) });
  const pensions = useQueries({ queries: companies.map((c) => ask<PensionAnswer>('pension-exposure', c.id)) });
  const pending = [...owners, ...pensions].some((q) => q.isPending);
  const failed = [...owners, ...pensions].some((q) => q.isError);
  const tree = moneyTree(
    companies.map((c, i) => ({
      ...c,
      ...(owners[i]?.data ? { ownership: owners[i].data } : {}),
      ...(pensions[i]?.data ? { pension: pensions[i].data } : {}),
    })),
  );
  return { tree, pending, failed };
}

/** "Up the money tree": who owns and controls the targets, and the pension funds — ours first — exposed to them. */
export function MoneyTreeSection({ ws, tree, failed }: { ws: string; tree: ReturnType<typeof moneyTree>; failed: boolean }) {
  if (!hasMoney(tree) && !failed) return null;
  const actor = (id: string, name: string) => <Link to={paths.actor(ws, id)}>{name}</Link>;
  return (
    <section className="brief-section" aria-labelledby="money-tree">
      <h2 id="money-tree">Up the money tree</h2>
      {failed && <p className="muted">Some ownership answers could not be had; what follows may be partial.</p>}
      {tree.targets
        .filter((t) => t.holders.length || t.controllers.length || t.funds.length)
        .map((t) => (
          <div key={t.targetId} className="money-target">
            <h3>{t.targetName}</h3>
            {!t.complete && <p className="muted small">Not every owner is on the map: shares are what the map records.</p>}
            <table className="brief-table">
              <thead>
                <tr>
                  <th>Holder</th>
                  <th>Look-through share</th>
                  <th>Standing</th>
                </tr>
              </thead>
              <tbody>
                {[...t.controllers, ...t.holders.filter((h) => !h.controls)].map((o) => (
                  <tr key={o.actorId}>
                    <td>{actor(o.actorId, o.name)}</td>
                    <td className="nowrap">{rangeWording(o.share)}</td>
                    <td>{o.controls ? 'Controls' : o.ultimate ? 'Ultimate owner' : 'Holder'}</td>
                  </tr>
                ))}
                {t.unrecorded && t.unrecorded.max > 0 && (
                  <tr>
                    <td className="muted">Owners not on the map</td>
                    <td className="nowrap muted">{rangeWording(t.unrecorded)}</td>
                    <td />
                  </tr>
                )}
              </tbody>
            </table>
            {t.funds.length > 0 && (
              <>
                <h4>Pension funds exposed</h4>
                <ul className="money-funds">
                  {t.funds.map((f) => (
                    <li key={f.actorId}>
                      {actor(f.actorId, f.name)}
                      {f.share && <> · {rangeWording(f.share)}</>}
                      {f.limitedPartner.length > 0 && <> · limited partner in {f.limitedPartner.map((lp) => lp.fundName).join(', ')}</>}
                      {f.trustees.length > 0 && (
                        <div className="muted small">
                          Trustees:{' '}
                          {f.trustees.map((tr, i) => (
                            <span key={tr.actorId}>
                              {i > 0 && ', '}
                              {tr.name}
                              {tr.ours && <strong> (ours)</strong>}
                            </span>
                          ))}
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
      {tree.shared.length > 0 && (
        <>
          <h3>One pressure point, several targets</h3>
          <ul>
            {tree.shared.map((s) => (
              <li key={s.actorId}>
                {actor(s.actorId, s.name)} holds {s.targetNames.join(' and ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
