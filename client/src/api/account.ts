import { useQuery } from '@tanstack/react-query';
import type { ApiToken, TokenCreate } from './domain';
import { del, get, post } from './http';

/** The signed-in person's own credentials: password and API tokens. */
export const accountEndpoints = {
  changePassword: (body: { currentPassword: string; newPassword: string }) => post<void>('/api/auth/password', body),
  tokens: () => get<{ items: ApiToken[] }>('/api/auth/tokens'),
  createToken: (body: TokenCreate) => post<ApiToken & { token: string }>('/api/auth/tokens', body),
  revokeToken: (id: string) => del(`/api/auth/tokens/${id}`),
};

export const tokensKey = ['account', 'tokens'] as const;

export const useTokens = () => useQuery({ queryKey: tokensKey, queryFn: async () => (await accountEndpoints.tokens()).items });
