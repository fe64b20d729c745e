import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { login, PASSWORD_MIN, signup } from '../api/domain';
import { endpoints } from '../api/endpoints';
import { ApiError } from '../api/http';
import { keys } from '../api/queries';
import { Field } from '../components/Field';
import { Link } from '../components/Link';
import { Header } from '../components/Header';
import { validate, type FieldErrors } from '../components/validate';
import { navigate } from '../router';

export function AuthPage({ mode, invite }: { mode: 'signin' | 'signup'; invite?: string | undefined }) {
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isSignup = mode === 'signup';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const body = isSignup ? { ...form, ...(invite ? { invite } : {}) } : { email: form.email, password: form.password };
    const checked = isSignup ? validate(signup, body) : validate(login, body);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const { user } = isSignup ? await endpoints.signup(body as Parameters<typeof endpoints.signup>[0]) : await endpoints.login(body);
      client.setQueryData(keys.me, user);
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
      <Header user={null} />
      <div className="auth-page">
      <div className="auth-card">
        <h1>{isSignup ? 'Create your account' : 'Sign in'}</h1>
        <p className="muted">{isSignup ? 'Map who can grant your demand, who moves them, and how to reach them.' : 'Welcome back. Your maps are where you left them.'}</p>
        {invite && <div className="alert alert-info">You were invited to a workspace; it will be there once you sign up.</div>}
        <form onSubmit={submit} noValidate>
          {isSignup && (
            <Field label="Your name" error={errors.name}>
              {(p) => <input {...p} name="name" autoComplete="name" value={form.name} onChange={set('name')} />}
            </Field>
          )}
          <Field label="Email" error={errors.email}>
            {(p) => <input {...p} name="email" type="email" autoComplete="email" value={form.email} onChange={set('email')} />}
          </Field>
          <Field label="Password" error={errors.password} hint={isSignup ? `At least ${PASSWORD_MIN} characters.` : undefined}>
            {(p) => <input {...p} name="password" type="password" autoComplete={isSignup ? 'new-password' : 'current-password'} value={form.password} onChange={set('password')} />}
          </Field>
          {problem && <div className="alert alert-error" role="alert">{problem}</div>}
          <button className="btn btn-primary btn-block" type="submit" disabled={busy}>
            {busy ? 'Please wait…' : isSignup ? 'Create account' : 'Sign in'}
          </button>
        </form>
        <p className="auth-switch">
          {isSignup ? <>Already have an account? <Link to="/signin">Sign in</Link></> : <>New here? <Link to="/signup">Create an account</Link></>}
        </p>
      </div>
      </div>
    </div>
  );
}
