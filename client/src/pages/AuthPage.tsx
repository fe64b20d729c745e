import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { login, PASSWORD_MIN, signup, type InviteDetails, type User } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import { errorText, keys, useInviteDetails } from '../api/queries';
import { Field } from '../components/Field';
import { Link } from '../components/Link';
import { Header } from '../components/Header';
import { validate, type FieldErrors } from '../components/validate';
import { navigate, paths } from '../router';
import './members.css';

const article = (role: string) => (role === 'owner' || role === 'editor' ? 'an' : 'a');
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** Joins the invite's workspace as the signed-in account and opens it. */
async function accept(client: ReturnType<typeof useQueryClient>, token: string) {
  const ws = await endpoints.acceptInvite(token);
  await client.invalidateQueries({ queryKey: keys.workspaces });
  client.removeQueries({ queryKey: keys.invite(token) });
  navigate(paths.workspace(ws.id), true);
}

function InviteNote({ details }: { details: InviteDetails }) {
  return (
    <div className="alert alert-info">
      {details.invitedBy ?? 'An owner'} invited you to join <strong>{details.workspaceName}</strong> as {article(details.role)}{' '}
      {details.role}.<span className="small"> The link works until {day(details.expiresAt)}.</span>
    </div>
  );
}

/** Opened from an invite link while signed in: join with this account, or switch to the invited one. */
function AcceptInvite({ user, token }: { user: User; token: string }) {
  const client = useQueryClient();
  const details = useInviteDetails(token);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = details.data && details.data.email === user.email.toLowerCase();

  const join = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await accept(client, token);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  const switchAccount = async () => {
    await endpoints.logout().catch(() => undefined);
    client.clear();
    client.setQueryData(keys.me, null);
    navigate(paths.signup(token), true);
  };

  return (
    <>
      <h1>Join a workspace</h1>
      {details.isPending && (
        <p className="muted" aria-busy="true">
          Reading the invite…
        </p>
      )}
      {details.isError && (
        <div className="alert alert-error" role="alert">
          {errorText(details.error)}
        </div>
      )}
      {details.data && <InviteNote details={details.data} />}
      {details.data && !mine && (
        <div className="alert alert-error" role="alert">
          This invite is for <strong>{details.data.email}</strong>, but you are signed in as {user.email}. Sign out, then sign up or sign in
          with the invited email.
        </div>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      {mine && (
        <button className="btn btn-primary btn-block" type="button" onClick={join} disabled={busy}>
          {busy ? 'Joining…' : `Join ${details.data!.workspaceName}`}
        </button>
      )}
      {details.data && !mine && (
        <button className="btn btn-block" type="button" onClick={switchAccount}>
          Sign out and use {details.data.email}
        </button>
      )}
      <p className="auth-switch">
        <Link to="/">Go to your workspaces</Link>
      </p>
    </>
  );
}

export function AuthPage({ mode, invite, user = null }: { mode: 'signin' | 'signup'; invite?: string | undefined; user?: User | null }) {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isSignup = mode === 'signup';
  const details = useInviteDetails(user ? undefined : invite);
  // The invite is bound to its email: the form takes it from the invite and does not let it change.
  const invited = details.data?.email;
  const usable = invite && details.isSuccess ? invite : undefined;
  useEffect(() => {
    if (invited) setForm((f) => ({ ...f, email: invited }));
  }, [invited]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const body = isSignup ? { ...form, ...(usable ? { invite: usable } : {}) } : { email: form.email, password: form.password };
    const checked = isSignup ? validate(signup, body) : validate(login, body);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const { user: signedIn } = isSignup
        ? await endpoints.signup(body as Parameters<typeof endpoints.signup>[0])
        : await endpoints.login(body);
      client.setQueryData(keys.me, signedIn);
      if (!isSignup && usable) {
        // Signed in from an invite link: join right away; if that fails, say why on the accept screen.
        try {
          await accept(client, usable);
        } catch {
          navigate(paths.signin(usable), true);
        }
        return;
      }
      navigate('/', true);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fieldErrors());
        setProblem(error.status === 401 ? 'That email and password do not match an account.' : error.message);
      } else setProblem('Something went wrong; try again.');
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  return (
    <div className="frame">
      <Header user={user} />
      <div className="auth-page">
        <div className="auth-card">
          {user && invite ? (
            <AcceptInvite user={user} token={invite} />
          ) : (
            <>
              <h1>{isSignup ? 'Create your account' : 'Sign in'}</h1>
              <p className="muted">
                {isSignup
                  ? 'Map who can grant your demand, who moves them, and how to reach them.'
                  : 'Welcome back. Your maps are where you left them.'}
              </p>
              {invite && details.isPending && (
                <p className="muted" aria-busy="true">
                  Reading your invite…
                </p>
              )}
              {details.data && <InviteNote details={details.data} />}
              {invite && details.isError && (
                <div className="alert alert-error" role="alert">
                  {errorText(details.error)} {isSignup && 'You can still create an account; an owner can then add you.'}
                </div>
              )}
              <form onSubmit={submit} noValidate>
                {isSignup && (
                  <Field label="Your name" error={errors.name}>
                    {(p) => <input {...p} name="name" autoComplete="name" value={form.name} onChange={set('name')} />}
                  </Field>
                )}
                <Field label="Email" error={errors.email} hint={invited ? 'The invite is for this email.' : undefined}>
                  {(p) => (
                    <input
                      {...p}
                      name="email"
                      type="email"
                      autoComplete="email"
                      value={form.email}
                      onChange={set('email')}
                      readOnly={!!invited}
                      className={invited ? 'input-locked' : undefined}
                    />
                  )}
                </Field>
                <Field label="Password" error={errors.password} hint={isSignup ? `At least ${PASSWORD_MIN} characters.` : undefined}>
                  {(p) => (
                    <input
                      {...p}
                      name="password"
                      type="password"
                      autoComplete={isSignup ? 'new-password' : 'current-password'}
                      value={form.password}
                      onChange={set('password')}
                    />
                  )}
                </Field>
                {problem && (
                  <div className="alert alert-error" role="alert">
                    {problem}
                  </div>
                )}
                <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
                  {busy
                    ? 'Please wait…'
                    : isSignup
                      ? usable
                        ? 'Create account and join'
                        : 'Create account'
                      : usable
                        ? 'Sign in and join'
                        : 'Sign in'}
                </button>
              </form>
              <p className="auth-switch">
                {isSignup ? (
                  <>
                    Already have an account{invited ? ` for ${invited}` : ''}? <Link to={paths.signin(usable)}>Sign in</Link>
                  </>
                ) : (
                  <>
                    New here? <Link to={paths.signup(usable)}>Create an account</Link>
                  </>
                )}
              </p>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
