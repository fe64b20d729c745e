import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { endpoints } from '../api/endpoints';
import { keys } from '../api/queries';
import type { User } from '../api/domain';
import { navigate, paths } from '../router';
import { Link } from './Link';
import { ServerStatus } from './ServerStatus';

export function Header({ user, crumbs, children }: { user: User | null; crumbs?: ReactNode; children?: ReactNode }) {
  const client = useQueryClient();
  const signOut = async () => {
    await endpoints.logout().catch(() => undefined);
    client.clear();
    client.setQueryData(keys.me, null);
    navigate('/signin');
  };
  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand" aria-label="powermap home">
          <span className="brand-mark" aria-hidden="true">
            ◭
          </span>{' '}
          powermap
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
            <button type="button" className="btn btn-ghost-dark" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <ServerStatus />
    </>
  );
}
