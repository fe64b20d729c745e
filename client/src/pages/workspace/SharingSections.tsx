import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { IncomingShare } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useIncomingShares, useOutgoingShares, useSharedMaps, useWorkspace } from '../../api/queries';
import { Link } from '../../components/Link';
import { paths } from '../../router';
import '../../partner-sharing.css';

/** The id partners need to offer maps to this workspace, with a copy button. */
export function WorkspaceId({ ws }: { ws: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(ws).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="ws-id">
      <code aria-label="This workspace’s id">{ws}</code>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}

/**
 * Under the workspace's own maps: maps partners share with us (and, for owners, offers
 * waiting for an answer), and the maps we share with partners.
 */
export function SharingSections({ ws }: { ws: string }) {
  const workspace = useWorkspace(ws);
  const isOwner = workspace.data?.role === 'owner';
  const incoming = useIncomingShares(ws, isOwner);
  const shared = useSharedMaps(ws);
  const outgoing = useOutgoingShares(ws);
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const offers = (incoming.data ?? []).filter((s) => s.status === 'pending');

  const answer = async (offer: IncomingShare, verb: 'accept' | 'decline') => {
    if (
      verb === 'decline' &&
      offer.status === 'accepted' &&
      !window.confirm(`Stop receiving “${offer.map.name}” from ${offer.offeringWorkspace.name}?`)
    )
      return;
    setProblem(null);
    try {
      await endpoints.answerShare(ws, offer.id, verb);
      // Loads still under way read the lists before this answer: cancelled, not reused.
      await Promise.all([
        client.cancelQueries({ queryKey: keys.incomingShares(ws) }),
        client.cancelQueries({ queryKey: keys.sharedMaps(ws) }),
      ]);
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.incomingShares(ws) }),
        client.invalidateQueries({ queryKey: keys.sharedMaps(ws) }),
      ]);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  return (
    <div className="sharing">
      <section aria-labelledby="shared-with-us">
        <h2 id="shared-with-us">Shared with us</h2>
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        {isOwner && offers.length > 0 && (
          <ul className="list" aria-label="Offers waiting for you">
            {offers.map((o) => (
              <li key={o.id} className="list-row offer">
                <span className="list-title">
                  {o.offeringWorkspace.name} offers “{o.map.name}”
                </span>
                <span className={`badge badge-${o.access}`}>{o.access}</span>
                <span className="muted">
                  {o.map.memberCount} actors{o.access === 'edit' ? ' · your editors could add to it' : ''}
                </span>
                <span className="row-end">
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    onClick={() => void answer(o, 'accept')}
                    aria-label={`Accept “${o.map.name}” from ${o.offeringWorkspace.name}`}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void answer(o, 'decline')}
                    aria-label={`Decline “${o.map.name}” from ${o.offeringWorkspace.name}`}
                  >
                    Decline
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {shared.isError && (
          <div className="alert alert-error" role="alert">
            Could not load shared maps: {errorText(shared.error)}
          </div>
        )}
        {shared.isSuccess && shared.data.length === 0 && (
          <p className="muted">
            No partner shares a map with you yet. They need this workspace’s id: <WorkspaceId ws={ws} />
          </p>
        )}
        <ul className="list" aria-label="Maps shared with us">
          {(shared.data ?? []).map((m) => {
            const accepted = incoming.data?.find((o) => o.id === m.shareId);
            return (
              <li key={m.shareId} className="list-row">
                <Link to={paths.sharedMap(ws, m.shareId)} className="list-title">
                  {m.map.name}
                </Link>
                <span className={`badge badge-${m.access}`}>{m.access}</span>
                <span className="muted">
                  from {m.ownerWorkspace.name} · {m.map.memberCount} actors
                </span>
                {isOwner && accepted && (
                  <span className="row-end">
                    <button type="button" className="btn btn-small" onClick={() => void answer(accepted, 'decline')}>
                      Stop receiving
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="shared-by-us">
        <h2 id="shared-by-us">Shared by us</h2>
        {outgoing.isError && (
          <div className="alert alert-error" role="alert">
            Could not load the maps this workspace shares: {errorText(outgoing.error)}
          </div>
        )}
        {outgoing.isSuccess && outgoing.data.length === 0 && (
          <p className="muted">
            None of this workspace’s maps is shared. Owners share a map from the map itself (“Share with a partner…”).
          </p>
        )}
        <ul className="list" aria-label="Maps shared by us">
          {(outgoing.data ?? []).map((s) => (
            <li key={s.id} className="list-row">
              <Link to={paths.map(ws, s.mapId)} className="list-title">
                {s.mapName}
              </Link>
              <span className="muted">with {s.partnerWorkspace.name}</span>
              <span className={`badge badge-${s.access}`}>{s.access}</span>
              <span className={`share-status share-${s.status}`}>{s.status === 'pending' ? 'waiting for their owner' : s.status}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
