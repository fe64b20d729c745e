import type { ReactNode } from 'react';
import type { User } from '../api/domain';
import { paths } from '../router';
import { Link } from './Link';
import { ServerStatus } from './ServerStatus';
import { useSignOut } from './useSignOut';

export function Header({ user, crumbs, children }: { user: User | null; crumbs?: ReactNode; children?: ReactNode }) {
  const signOut = useSignOut();
  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand" aria-label="powermap home">
          <span className="brand-mark" aria-hidden="true">
            ◭
          </span>{' '}
          <span className="brand-name">powermap</span>
        </Link>
        {crumbs && (
          <nav className="crumbs" aria-label="Breadcrumb">
            {crumbs}
          </nav>
        )}
        <div className="header-spacer">{children}</div>
        {user && (
          <div className="user-menu">
            <Link to={paths.account()} className="user-name" title={`${user.email}: your account, password and API tokens`}>
              {user.name}
            </Link>
            <button type="button" className="btn btn-ghost-dark header-sign-out" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <ServerStatus />
    </>
  );
}
