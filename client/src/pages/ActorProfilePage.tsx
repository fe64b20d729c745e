import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ALIGNMENT_MAX, ALIGNMENT_MIN, POWER_MAX, POWER_MIN, type Actor, type Assessment, type User } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { errorText, useActor, useSources, useWorkspace } from '../api/queries';
import { ActorGlyph } from '../components/ActorGlyph';
import { ActorCampaign } from './ActorCampaign';
import { ActorOwners } from './ActorOwners';
import { ChangeList } from '../components/ChangeList';
import { Header } from '../components/Header';
import { InternalMark } from '../components/InternalMark';
import { Link } from '../components/Link';
import { ApiTransport } from '../editor/api-transport';
import { ConflictDialog } from '../editor/ConflictDialog';
import { EditorContext, useEditorState } from '../editor/context';
import { Editor } from '../editor/editor';
import { ActorForm } from '../editor/inspector/ActorForm';
import { Toast } from '../editor/Toast';
import { useLiveUpdates } from '../editor/useLiveUpdates';
import { emptyDoc } from '../graph/doc';
import { externalLinks } from '../graph/external-ids';
import { relationshipDetail } from '../graph/relationship-detail';
import { alignmentLabels, powerLabels, roleLabels, typeLabels } from '../graph/visual';
import { paths } from '../router';
import type { RelationshipType } from '../api/domain';
import { powerScale, signed } from '../graph/scales';

export function ActorProfilePage({ user, ws, actorId }: { user: User; ws: string; actorId: string }) {
  const workspace = useWorkspace(ws);
  const actor = useActor(ws, actorId);
  const assessments = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'assessments'],
    queryFn: async () => (await endpoints.assessments(ws, actorId)).items,
  });
  const history = useQuery({
    queryKey: ['ws', ws, 'actor', actorId, 'history'],
    queryFn: async () => (await endpoints.actorHistory(ws, actorId)).items,
  });
  useLiveUpdates(ws, user.id);
  const client = useQueryClient();
  const canEdit = workspace.data ? workspace.data.role !== 'viewer' : false;
  // The profile edits through the same editor as the map (schema checks, versions, conflicts),
  // over a document that holds just this actor.
  const editor = useMemo(() => new Editor(new ApiTransport(ws), undefined, { id: user.id, canEdit }), [ws, user.id, canEdit]);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!actor.data || editor.state.pending > 0) return;
    const { relationships: _r, sources: _s, maps: _m, ...record } = actor.data;
    editor.receive({ ...emptyDoc(), actors: { [record.id]: record as Actor } });
  }, [actor.data, editor]);
  useEffect(() => {
    let was = 0;
    return editor.store.subscribe(() => {
      const now = editor.state.pending;
      if (was > 0 && now === 0) void client.invalidateQueries({ queryKey: ['ws', ws, 'actor', actorId] });
      was = now;
    });
  }, [editor, client, ws, actorId]);
  const a = actor.data;
  const sourceById = new Map((a?.sources ?? []).map((s) => [s.id, s]));

  return (
    <div className="frame">
      <Header
        user={user}
        crumbs={
          <>
            <Link to="/">Workspaces</Link>
            <span aria-hidden="true">/</span>
            <Link to={paths.workspace(ws, 'actors')}>{workspace.data?.name ?? '…'}</Link>
            <span aria-hidden="true">/</span>
            <span>{a?.name ?? '…'}</span>
          </>
        }
      />
      <main className="page">
        {actor.isError && (
          <div className="empty-state">
            <h1>This actor is not available</h1>
            <p>{errorText(actor.error)}</p>
          </div>
        )}
        {actor.isPending && <p className="page-status">Loading…</p>}
        {a && (
          <>
            <div className="page-head profile-head">
              {a.image && <img className="profile-image" src={a.image} alt="" width={72} height={72} />}
              <div className="profile-title">
                <h1>
                  <ActorGlyph actor={a} size={26} /> {a.name}
                </h1>
                <p className="muted">
                  {a.kind === 'person' ? 'Person' : a.organized ? 'Organised group' : 'Organisation'}
                  {a.sector && ` · ${a.sector}`}
                  {a.roles.length > 0 && ` · ${a.roles.map((r) => roleLabels[r]).join(', ')}`}
                </p>
              </div>
              <dl className="stats">
                <div>
                  <dt>Power</dt>
                  <dd>{a.power === null ? '—' : `${a.power} · ${powerLabels[a.power]}`}</dd>
                </div>
                <div>
                  <dt>Alignment</dt>
                  <dd>
                    {a.alignment === null
                      ? 'Not assessed'
                      : `${a.alignment > 0 ? '+' : ''}${a.alignment} · ${alignmentLabels[a.alignment]}`}
                  </dd>
                </div>
              </dl>
              {canEdit && !editing && (
                <button className="btn" onClick={() => setEditing(true)}>
                  Edit details
                </button>
              )}
            </div>
            <EditorContext.Provider value={editor}>
              {editing && <EditCard actorId={a.id} onClose={() => setEditing(false)} />}
              <ProfileConflict />
              <Toast />
            </EditorContext.Provider>
            <div className="profile-grid">
              <section className="card">
                <h2>Details</h2>
                {a.description ? <p>{a.description}</p> : <p className="muted">No notes yet.</p>}
                <dl className="details">
                  <dt>Kind</dt>
                  <dd>{a.kind === 'person' ? 'Person' : a.organized ? 'Organised group' : 'Organisation'}</dd>
                  <dt>Sector</dt>
                  <dd>{a.sector ? a.sector[0]!.toUpperCase() + a.sector.slice(1) : <span className="muted">—</span>}</dd>
                  <dt>Roles</dt>
                  <dd>{a.roles.length ? a.roles.map((r) => roleLabels[r]).join(', ') : <span className="muted">—</span>}</dd>
                  {a.aliases.length > 0 && (
                    <>
                      <dt>Also known as</dt>
                      <dd>{a.aliases.join(', ')}</dd>
                    </>
                  )}
                  <dt>Cares about</dt>
                  <dd>{a.interests.length ? a.interests.join(', ') : <span className="muted">Not researched yet</span>}</dd>
                  <dt>Power comes from</dt>
                  <dd>{a.powerSources.length ? a.powerSources.join(', ') : <span className="muted">Not researched yet</span>}</dd>
                  <dt>
                    Who among us knows them
                    <InternalMark />
                  </dt>
                  <dd>{a.contactOwner ?? <span className="muted">No one yet</span>}</dd>
                  {a.privateNotes && (
                    <>
                      <dt>
                        Private notes
                        <InternalMark />
                      </dt>
                      <dd className="pre-line">{a.privateNotes}</dd>
                    </>
                  )}
                  <dt>Tags</dt>
                  <dd>
                    {a.tags.length ? (
                      a.tags.map((t) => (
                        <span key={t} className="tag">
                          {t}
                        </span>
                      ))
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </dd>
                  {Object.keys(a.externalIds).length > 0 && (
                    <>
                      <dt>Elsewhere</dt>
                      <dd className="ext-ids">
                        {externalLinks(a.externalIds).map((l) => (
                          <div key={l.key}>
                            {l.url ? (
                              <a href={l.url} target="_blank" rel="noreferrer">
                                {l.label}
                              </a>
                            ) : (
                              <span>{l.label}</span>
                            )}{' '}
                            <span className="muted small">{l.id}</span>
                          </div>
                        ))}
                      </dd>
                    </>
                  )}
                  {a.links.length > 0 && (
                    <>
                      <dt>Links</dt>
                      <dd>
                        {a.links.map((l) => (
                          <div key={l} className="link-line">
                            <a href={l} target="_blank" rel="noreferrer">
                              {l.replace(/^https?:\/\//, '')}
                            </a>
                          </div>
                        ))}
                      </dd>
                    </>
                  )}
                </dl>
                <h3>On maps</h3>
                {a.maps.length ? (
                  <ul className="plain">
                    {a.maps.map((m) => (
                      <li key={m.id}>
                        <Link to={paths.map(ws, m.id)}>{m.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Not on any map.</p>
                )}
              </section>
              <section className="card">
                <h2>Power and alignment over time</h2>
                {assessments.data && assessments.data.length > 0 ? (
                  <>
                    <AssessmentChart items={assessments.data} />
                    <AssessmentList ws={ws} items={assessments.data} />
                  </>
                ) : (
                  <p className="muted">
                    No assessments yet. Set power and alignment, or drag this actor on a map’s power grid, to record one.
                  </p>
                )}
              </section>
              <ActorCampaign ws={ws} actorId={actorId} />
              {a.kind === 'organization' && <ActorOwners ws={ws} actorId={actorId} mapId={a.maps[0]?.id ?? null} />}
              <section className="card span-2">
                <h2>Relationships</h2>
                {Object.keys(a.relationships).length === 0 && <p className="muted">No relationships yet.</p>}
                {(Object.entries(a.relationships) as [RelationshipType, NonNullable<(typeof a.relationships)[RelationshipType]>][]).map(
                  ([type, list]) => (
                    <div key={type} className="rel-group">
                      <h3>
                        {typeLabels[type]} <span className="muted small">({list.length})</span>
                      </h3>
                      <ul className="plain">
                        {list.map(({ relationship: r, direction, other }) => (
                          <li key={r.id} className="rel-row">
                            <span>
                              {direction === 'out' ? '→' : '←'} <Link to={paths.actor(ws, other.id)}>{other.name}</Link>
                            </span>
                            <span className="small">{relationshipDetail(r) || <span className="muted">—</span>}</span>
                            <span className="muted small">
                              strength {r.strength}
                              {r.startDate ? ` · since ${r.startDate}` : ''}
                              {r.endDate ? ` · until ${r.endDate}` : ''}
                            </span>
                            <span className="small">
                              {r.sourceIds.length === 0 ? (
                                <span className="warn">uncited</span>
                              ) : (
                                r.sourceIds.map((id) => {
                                  const s = sourceById.get(id);
                                  return s ? (
                                    <a key={id} href={s.url} target="_blank" rel="noreferrer" className="source-chip">
                                      {s.title ?? new URL(s.url).hostname}
                                    </a>
                                  ) : null;
                                })
                              )}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  ),
                )}
              </section>
              <section className="card span-2">
                <h2>History</h2>
                {history.data?.length ? <ChangeList changes={history.data} /> : <p className="muted">No changes recorded.</p>}
              </section>
            </div>
          </>
        )}
      </main>
    </div>
  );
}

/** Each reading, newest first, with its note and the source it cites (a link to it). */
function AssessmentList({ ws, items }: { ws: string; items: Assessment[] }) {
  const sources = useSources(ws);
  const byId = new Map((sources.data ?? []).map((s) => [s.id, s]));
  return (
    <ol className="plain assessment-list" aria-label="Assessments">
      {[...items].reverse().map((i) => {
        const cited = i.sourceId ? byId.get(i.sourceId) : undefined;
        return (
          <li key={i.id}>
            <span className="small muted">{new Date(i.at).toLocaleDateString()}</span>{' '}
            <span>
              {i.power === null ? 'power unknown' : `power ${i.power}`},{' '}
              {i.alignment === null ? 'alignment unknown' : `alignment ${signed(i.alignment)}`}
            </span>
            {i.authorName && <span className="small muted"> · {i.authorName}</span>}
            {i.note && <span className="small"> — {i.note}</span>}
            <span className="small">
              {' · '}
              {cited ? (
                <a href={cited.url} target="_blank" rel="noreferrer" className="source-url">
                  {cited.title ?? cited.url}
                </a>
              ) : i.source ? (
                <span>{i.source}</span>
              ) : (
                <span className="warn">uncited</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** A small chart: power (0–5) and alignment (−3…+3) as two step lines over time. */
function AssessmentChart({ items }: { items: Assessment[] }) {
  const W = 460,
    H = 180,
    L = 34,
    R = 34,
    T = 12,
    B = 26;
  const times = items.map((i) => new Date(i.at).getTime());
  const t0 = Math.min(...times),
    t1 = Math.max(Date.now(), ...times);
  const x = (t: number) => L + ((t - t0) / Math.max(1, t1 - t0)) * (W - L - R);
  const yP = (p: number) => T + (1 - (p - POWER_MIN) / (POWER_MAX - POWER_MIN)) * (H - T - B);
  const yA = (a: number) => T + (1 - (a - ALIGNMENT_MIN) / (ALIGNMENT_MAX - ALIGNMENT_MIN)) * (H - T - B);
  // A reading that knew only one of the two keeps the other line where it was.
  const step = (f: (i: Assessment) => number | null, y: (v: number) => number) => {
    let d = '';
    items.forEach((it, k) => {
      const v = f(it);
      if (v === null) return;
      const px = x(times[k]!);
      d += d === '' ? `M${px},${y(v)}` : `H${px}V${y(v)}`;
    });
    return d ? `${d}H${x(t1)}` : '';
  };
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Assessments: ${items.map((i) => `${new Date(i.at).toLocaleDateString()} power ${i.power}, alignment ${i.alignment}`).join('; ')}`}
      >
        {powerScale.map((p) => (
          <line key={p} x1={L} x2={W - R} y1={yP(p)} y2={yP(p)} stroke="#eceff3" />
        ))}
        {[POWER_MIN, POWER_MAX].map((p) => (
          <text key={p} x={L - 6} y={yP(p) + 4} textAnchor="end" className="chart-axis">
            {p}
          </text>
        ))}
        {[ALIGNMENT_MIN, 0, ALIGNMENT_MAX].map((a) => (
          <text key={a} x={W - R + 6} y={yA(a) + 4} className="chart-axis">
            {signed(a)}
          </text>
        ))}
        <path d={step((i) => i.power, yP)} fill="none" stroke="#1d2430" strokeWidth={2.5} />
        <path d={step((i) => i.alignment, yA)} fill="none" stroke="#2166ac" strokeWidth={2.5} strokeDasharray="6 3" />
        {items.map(
          (i, k) =>
            i.power !== null && (
              <circle key={i.id} cx={x(times[k]!)} cy={yP(i.power)} r={3.5} fill="#1d2430">
                <title>{`${new Date(i.at).toLocaleString()}: power ${i.power}, alignment ${i.alignment}${i.note ? ` — ${i.note}` : ''}`}</title>
              </circle>
            ),
        )}
        <text x={L} y={H - 6} className="chart-axis">
          {new Date(t0).toLocaleDateString()}
        </text>
        <text x={W - R} y={H - 6} textAnchor="end" className="chart-axis">
          today
        </text>
      </svg>
      <figcaption>
        <span className="key key-power" /> Power (left scale) <span className="key key-align" /> Alignment (right scale)
      </figcaption>
    </figure>
  );
}

function EditCard({ actorId, onClose }: { actorId: string; onClose: () => void }) {
  const actor = useEditorState((s) => s.doc.actors[actorId]);
  if (!actor) return null;
  return (
    <section className="card profile-edit" aria-label="Edit details">
      <div className="panel-head">
        <h2>Edit details</h2>
        <button className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <ActorForm key={`${actor.id}:${actor.version}`} actor={actor} full onSaved={onClose} />
    </section>
  );
}

function ProfileConflict() {
  const dialog = useEditorState((s) => s.dialog);
  return dialog?.kind === 'conflict' ? <ConflictDialog dialog={dialog} /> : null;
}
