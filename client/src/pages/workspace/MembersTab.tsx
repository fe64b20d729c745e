import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { memberInvite, memberRoles, type Member, type MemberRole } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useMe, useMembers } from '../../api/queries';
import { Field } from '../../components/Field';
import { validate, type FieldErrors } from '../../components/validate';
import { Modal } from '../../editor/Modal';
import { navigate } from '../../router';
import '../members.css';

const roleLabels: Record<MemberRole, string> = {
  owner: 'Owner — can also manage members',
  editor: 'Editor — can change the map',
  viewer: 'Viewer — can look, not change',
};
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const who = (m: Member) => m.name ?? m.email ?? 'Someone invited';

/** Copies to the clipboard; where the page may not (plain http), selects the text to copy by hand. */
async function copy(text: string, fallback: HTMLInputElement | null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback?.select();
    return false;
  }
}

function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  return (
    <div className="invite-link">
      <input ref={setInput} readOnly value={url} aria-label="Invite link" onFocus={(e) => e.target.select()} />
      <button type="button" className="btn btn-small" onClick={async () => setCopied((await copy(url, input)) ? 'yes' : 'select')}>
        {copied === 'yes' ? 'Copied' : 'Copy link'}
      </button>
      {copied === 'select' && <span className="small muted">Press Ctrl+C to copy.</span>}
    </div>
  );
}

export function MembersTab({ ws, isOwner }: { ws: string; isOwner: boolean }) {
  const members = useMembers(ws);
  const me = useMe().data ?? null;
  const client = useQueryClient();
  const [form, setForm] = useState({ email: '', role: 'editor' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Member | null>(null);
  const [confirming, setConfirming] = useState<{ member: Member; leaving: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: keys.members(ws) });
  /** Runs one change; its failure (the last owner, a stale list) is shown above the list. */
  const run = async (key: string, work: () => Promise<unknown>, done?: string) => {
    setBusy(key);
    setProblem(null);
    setNotice(null);
    try {
      await work();
      if (done) setNotice(done);
      return true;
    } catch (error) {
      setProblem(errorText(error));
      return false;
    } finally {
      setBusy(null);
      await refresh();
    }
  };

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(memberInvite, form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    await run('invite', async () => {
      const m = await endpoints.invite(ws, checked.data);
      setFresh(m);
      setForm({ email: '', role: 'editor' });
    });
  };

  const remove = async () => {
    if (!confirming) return;
    const { member, leaving } = confirming;
    setConfirming(null);
    const ok = await run(
      `remove:${member.email}`,
      () => endpoints.removeMember(ws, member.email!),
      leaving ? undefined : `${who(member)} was removed from the workspace.`,
    );
    if (ok && leaving) {
      await client.invalidateQueries({ queryKey: keys.workspaces });
      client.removeQueries({ queryKey: keys.workspace(ws) });
      navigate('/', true);
    }
  };

  const items = members.data ?? [];
  const active = items.filter((m) => m.status === 'active');
  const pending = items.filter((m) => m.status === 'invited');
  const owners = active.filter((m) => m.role === 'owner').length;
  const mine = active.find((m) => m.userId === me?.id);
  const lastOwner = mine?.role === 'owner' && owners <= 1;

  return (
    <div className="two-col members">
      <div>
        {members.isError && (
          <div className="alert alert-error" role="alert">
            Could not load members: {errorText(members.error)}
          </div>
        )}
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        {notice && (
          <div className="alert alert-info" role="status">
            {notice}
          </div>
        )}

        <h2>
          Members <span className="muted small">{active.length}</span>
        </h2>
        <ul className="list" aria-label="Members">
          {active.map((m) => {
            const self = m.userId === me?.id;
            return (
              <li key={m.userId} className="member-row">
                <div className="member-who">
                  <span className="list-title">
                    {who(m)}
                    {self && <span className="muted small"> (you)</span>}
                  </span>
                  {m.email && <span className="muted small member-email">{m.email}</span>}
                </div>
                <div className="member-actions">
                  {isOwner && !self ? (
                    <select
                      aria-label={`Role of ${who(m)}`}
                      value={m.role}
                      disabled={busy !== null}
                      onChange={(e) =>
                        void run(
                          `role:${m.email}`,
                          () => endpoints.changeRole(ws, m.email!, e.target.value as MemberRole),
                          `${who(m)} is now ${e.target.value === 'editor' || e.target.value === 'owner' ? 'an' : 'a'} ${e.target.value}.`,
                        )
                      }
                    >
                      {memberRoles.map((r) => (
                        <option key={r} value={r}>
                          {r[0]!.toUpperCase() + r.slice(1)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className={`badge badge-${m.role}`}>{m.role}</span>
                  )}
                  {isOwner && !self && (
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      disabled={busy !== null}
                      onClick={() => setConfirming({ member: m, leaving: false })}
                    >
                      Remove
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>

        {(pending.length > 0 || isOwner) && (
          <>
            <h2 className="members-heading">
              Pending invites <span className="muted small">{pending.length}</span>
            </h2>
            {pending.length === 0 && <p className="muted">No invites are waiting.</p>}
            <ul className="list" aria-label="Pending invites">
              {pending.map((m, i) => (
                <li key={m.email ?? `invite-${i}`} className="member-row member-invited">
                  <div className="member-who">
                    <span className="list-title">
                      {m.email ?? 'Someone invited'} <span className={`badge badge-${m.role}`}>{m.role}</span>
                    </span>
                    {m.invite && (
                      <span className={`small ${m.invite.expired ? 'member-expired' : 'muted'}`}>
                        {m.invite.expired
                          ? `Link expired on ${day(m.invite.expiresAt)}: resend it for a new one.`
                          : `Link works until ${day(m.invite.expiresAt)}`}
                        {m.invite.invitedBy && ` · invited by ${m.invite.invitedBy}`}
                      </span>
                    )}
                    {isOwner && m.inviteUrl && !m.invite?.expired && <InviteLink url={m.inviteUrl} />}
                  </div>
                  {isOwner && m.email && (
                    <div className="member-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        onClick={() =>
                          void run(
                            `resend:${m.email}`,
                            () => endpoints.resendInvite(ws, m.email!),
                            `A new link for ${m.email} is ready; the old one no longer works.`,
                          )
                        }
                      >
                        Resend
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={busy !== null}
                        onClick={() =>
                          void run(
                            `revoke:${m.email}`,
                            () => endpoints.removeMember(ws, m.email!),
                            `The invite for ${m.email} was withdrawn.`,
                          )
                        }
                      >
                        Revoke
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}

        {mine && (
          <div className="members-leave">
            <button
              type="button"
              className="btn btn-danger-outline"
              disabled={busy !== null || lastOwner}
              onClick={() => setConfirming({ member: mine, leaving: true })}
              aria-describedby={lastOwner ? 'last-owner-note' : undefined}
            >
              Leave workspace
            </button>
            {lastOwner && (
              <p id="last-owner-note" className="small muted">
                You are the only owner: make someone else an owner before you leave.
              </p>
            )}
          </div>
        )}
      </div>

      {isOwner && (
        <form className="card form-card" onSubmit={invite} noValidate>
          <h2>Invite someone</h2>
          <p className="muted small">
            Someone with an account joins at once. For anyone else you get a link to pass on: it works once, for that email, for 7 days.
          </p>
          <Field label="Email" error={errors.email}>
            {(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
          </Field>
          <Field label="Role" error={errors.role}>
            {(p) => (
              <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                {(['editor', 'viewer', 'owner'] as const).map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {fresh &&
            (fresh.status === 'active' ? (
              <div className="alert alert-info" role="status">
                {who(fresh)} already had an account and is now a member.
              </div>
            ) : (
              fresh.inviteUrl && (
                <div className="alert alert-info" role="status">
                  No account uses {fresh.email} yet. Send them this link: <InviteLink url={fresh.inviteUrl} />
                </div>
              )
            ))}
          <button className="btn btn-primary" type="submit" disabled={busy === 'invite'}>
            Invite
          </button>
        </form>
      )}

      {confirming && (
        <Modal
          title={confirming.leaving ? 'Leave this workspace?' : `Remove ${who(confirming.member)}?`}
          onClose={() => setConfirming(null)}
        >
          <p>
            {confirming.leaving
              ? 'You will lose access to its maps and actors at once. An owner can invite you back.'
              : `${who(confirming.member)} will lose access to this workspace at once, including any map they have open. What they added stays.`}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-danger" onClick={() => void remove()}>
              {confirming.leaving ? 'Leave workspace' : 'Remove'}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
