import { useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../api/endpoints';
import { keys } from '../api/queries';
import { navigate } from '../router';

/** Ends the session and forgets everything cached for it, wherever sign-out is offered. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await endpoints.logout().catch(() => undefined);
    client.clear();
    client.setQueryData(keys.me, null);
    navigate('/signin');
  };
}
