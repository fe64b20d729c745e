import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountEndpoints, tokensKey, useTokens } from '../api/account';
import { passwordChange, tokenCreate, type ApiToken, type User } from '../api/domain';
import { ApiError } from '../api/http';
import { errorText, useWorkspaces } from '../api/queries';
import { Field } from '../components/Field';
import { Header } from '../components/Header';
import { Link } from '../components/Link';
import { useSignOut } from '../components/useSignOut';
import { validate, type FieldErrors } from '../components/validate';

const lifetimes = [
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
  { label: 'Never', days: null },
] as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

export function AccountPage({ user }: { user: User }) {
  const signOut = useSignOut();
  return (
    <div className="frame">
      <Header
        user={user}
        crumbs={
          <>
            <Link to="/">Workspaces</Link>
            <span aria-hidden="true"> / </span>
            <span>Account</span>
          </>
        }
      />
      <main className="page">
        <div className="page-head">
          <h1>Your account</h1>
          <button type="button" className="btn" onClick={signOut}>
            Sign out
          </button>
        </div>
        <p className="muted">
          Signed in as {user.name} ({user.email}).
        </p>
        <div className="two-col">
          <TokensSection />
          <PasswordSection />
        </div>
      </main>
    </div>
  );
}

function PasswordSection() {
  const client = useQueryClient();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setProblem(null);
    const checked = validate(passwordChange, { currentPassword: form.currentPassword, newPassword: form.newPassword });
    if (!checked.ok) return setErrors(checked.errors);
    if (form.repeat !== form.newPassword) return setErrors({ repeat: 'Does not match the new password' });
    setErrors({});
    try {
      await accountEndpoints.changePassword(checked.data);
      setForm({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(true);
      await client.invalidateQueries({ queryKey: tokensKey });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setErrors(error.fieldErrors());
      else setProblem(errorText(error));
    }
  };

  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p className="muted small">Changing it signs you out everywhere else and revokes all your API tokens.</p>
      <Field label="Current password" error={errors.currentPassword}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="current-password"
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.target.value })}
          />
        )}
      </Field>
      <Field label="New password" error={errors.newPassword}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.target.value })}
          />
        )}
      </Field>
      <Field label="New password again" error={errors.repeat}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            value={form.repeat}
            onChange={(e) => setForm({ ...form, repeat: e.target.value })}
          />
        )}
      </Field>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {done && (
        <div className="alert alert-info" role="status">
          Password changed. Your other sessions have ended and your API tokens no longer work.
        </div>
      )}
      <button className="btn btn-primary" type="submit">
        Change password
      </button>
    </form>
  );
}

function TokensSection() {
  const tokens = useTokens();
  const workspaces = useWorkspaces();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', access: 'read', workspaceId: '', lifetime: '90' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string; token: string } | null>(null);

  const wsName = (id: string | null) =>
    id === null ? 'All your workspaces' : (workspaces.data?.find((w) => w.id === id)?.name ?? 'A workspace you left');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const days = form.lifetime === 'never' ? null : Number(form.lifetime);
    const body = {
      name: form.name,
      access: form.access,
      workspaceId: form.workspaceId || null,
      expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString(),
    };
    const checked = validate(tokenCreate, body);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const made = await accountEndpoints.createToken(checked.data);
      setForm({ ...form, name: '' });
      await client.invalidateQueries({ queryKey: tokensKey });
      setCreated({ id: made.id, name: made.name, token: made.token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setErrors(error.fieldErrors());
      else setProblem(errorText(error));
    }
  };

  const revoke = async (token: ApiToken) => {
    if (!window.confirm(`Revoke “${token.name}”? Scripts using it stop working at once.`)) return;
    try {
      await accountEndpoints.revokeToken(token.id);
    } catch (error) {
      setProblem(errorText(error));
    }
    await client.invalidateQueries({ queryKey: tokensKey });
  };

  const items = tokens.data ?? [];
  // A secret whose token is gone (revoked, or by a password change) is no use to copy.
  const shown = created && items.some((t) => t.id === created.id) ? created : null;
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For scripts and imports: send a token in the header <code>Authorization: Bearer &lt;token&gt;</code>. A token does what you may do,
        never more, and can be limited to reading, to one workspace, and to a period.
      </p>
      {tokens.isError && (
        <div className="alert alert-error" role="alert">
          Could not load your tokens: {errorText(tokens.error)}
        </div>
      )}
      {shown && (
        <div className="alert alert-info token-created" role="status">
          <p>
            <strong>{shown.name}</strong> is ready. Copy it now: it is shown only this once.
          </p>
          <div className="input-row">
            <input aria-label="Your new token" readOnly value={shown.token} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(shown.token)}>
              Copy
            </button>
            <button type="button" className="btn" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {tokens.isSuccess && items.length === 0 && <p className="empty-state">You have no API tokens.</p>}
      {items.length > 0 && (
        <table className="data-table" aria-label="Your API tokens">
          <thead>
            <tr>
              <th>Name</th>
              <th>Can</th>
              <th>Workspace</th>
              <th>Expires</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => {
              const expired = t.expiresAt !== null && Date.parse(t.expiresAt) <= Date.now();
              return (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.access === 'read' ? 'Read' : 'Read and write'}</td>
                  <td>{wsName(t.workspaceId)}</td>
                  <td>
                    {t.expiresAt === null ? 'Never' : expired ? <span className="warn">Expired {day(t.expiresAt)}</span> : day(t.expiresAt)}
                  </td>
                  <td>{t.lastUsedAt ? day(t.lastUsedAt) : 'Never'}</td>
                  <td>
                    <button type="button" className="btn btn-small" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="card form-card token-form" onSubmit={create} noValidate aria-labelledby="new-token-heading">
        <h3 id="new-token-heading">New token</h3>
        <Field label="Token name" error={errors.name} hint="What it is for, e.g. “nightly FEC import”.">
          {(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <div className="form-grid two">
          <Field label="Access" error={errors.access}>
            {(p) => (
              <select {...p} value={form.access} onChange={(e) => setForm({ ...form, access: e.target.value })}>
                <option value="read">Read only</option>
                <option value="write">Read and write</option>
              </select>
            )}
          </Field>
          <Field label="Expires after" error={errors.expiresAt}>
            {(p) => (
              <select {...p} value={form.lifetime} onChange={(e) => setForm({ ...form, lifetime: e.target.value })}>
                {lifetimes.map((l) => (
                  <option key={l.label} value={l.days === null ? 'never' : String(l.days)}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Workspace" error={errors.workspaceId}>
          {(p) => (
            <select {...p} value={form.workspaceId} onChange={(e) => setForm({ ...form, workspaceId: e.target.value })}>
              <option value="">All your workspaces</option>
              {(workspaces.data ?? []).map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {problem && (
          <div className="alert alert-error" role="alert">
            {problem}
          </div>
        )}
        <button className="btn btn-primary" type="submit">
          Create token
        </button>
      </form>
    </section>
  );
}
