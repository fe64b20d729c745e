import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { memberInvite } from '../../api/domain';
import { endpoints } from '../../api/endpoints';
import { errorText, keys, useMembers } from '../../api/queries';
import { Field } from '../../components/Field';
import { validate, type FieldErrors } from '../../components/validate';

export function MembersTab({ ws, isOwner }: { ws: string; isOwner: boolean }) {
  const members = useMembers(ws);
  const client = useQueryClient();
  const [form, setForm] = useState({ email: '', role: 'editor' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(memberInvite, form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const m = await endpoints.invite(ws, checked.data);
      setLink(m.inviteUrl);
      setForm({ email: '', role: 'editor' });
      await client.invalidateQueries({ queryKey: keys.members(ws) });
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <div className="two-col">
      <div>
        {members.isError && <div className="alert alert-error" role="alert">Could not load members: {errorText(members.error)}</div>}
        <ul className="list">
          {(members.data ?? []).map((m) => (
            <li key={m.email} className="list-row">
              <span className="list-title">{m.name ?? m.email} <span className={`badge badge-${m.role}`}>{m.role}</span>{m.status === 'invited' && <span className="badge">invited</span>}</span>
              <span className="muted">{m.email}</span>
            </li>
          ))}
        </ul>
      </div>
      {isOwner && (
        <form className="card form-card" onSubmit={invite} noValidate>
          <h2>Invite someone</h2>
          <Field label="Email" error={errors.email}>{(p) => <input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
          <Field label="Role" error={errors.role}>
            {(p) => (
              <select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
                <option value="editor">Editor — can change the map</option>
                <option value="viewer">Viewer — can look, not change</option>
                <option value="owner">Owner — can also manage members</option>
              </select>
            )}
          </Field>
          {problem && <div className="alert alert-error" role="alert">{problem}</div>}
          {link && <div className="alert alert-info">No account uses that email yet. Send them this link: <code>{link}</code></div>}
          <button className="btn btn-primary" type="submit">Invite</button>
        </form>
      )}
    </div>
  );
}
