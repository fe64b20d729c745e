import { useQuery, type QueryClient } from '@tanstack/react-query';
import { endpoints } from './endpoints';
import { ApiError } from './http';

/** Query keys: everything of a workspace starts with ['ws', id] so one invalidation refreshes it. */
export const keys = {
  me: ['me'] as const,
  workspaces: ['workspaces'] as const,
  workspace: (ws: string) => ['ws', ws] as const,
  maps: (ws: string) => ['ws', ws, 'maps'] as const,
  map: (ws: string, map: string) => ['ws', ws, 'map', map] as const,
  actors: (ws: string) => ['ws', ws, 'actors'] as const,
  actor: (ws: string, id: string) => ['ws', ws, 'actor', id] as const,
  demands: (ws: string) => ['ws', ws, 'demands'] as const,
  history: (ws: string) => ['ws', ws, 'history'] as const,
  members: (ws: string) => ['ws', ws, 'members'] as const,
  invite: (token: string) => ['invite', token] as const,
  sources: (ws: string) => ['ws', ws, 'sources'] as const,
  search: (ws: string, q: string) => ['ws', ws, 'search', q] as const,
  mapLinks: (ws: string, map: string) => ['ws', ws, 'map', map, 'links'] as const,
  internalFields: (ws: string) => ['ws', ws, 'internal-fields'] as const,
  publicMap: (token: string) => ['public', token] as const,
  mapShares: (ws: string, map: string) => ['ws', ws, 'map', map, 'shares'] as const,
  outgoingShares: (ws: string) => ['ws', ws, 'shares'] as const,
  incomingShares: (ws: string) => ['ws', ws, 'incoming-shares'] as const,
  sharedMaps: (ws: string) => ['ws', ws, 'shared-maps'] as const,
  sharedMap: (ws: string, shareId: string) => ['ws', ws, 'shared-map', shareId] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async () => {
      try {
        return (await endpoints.me()).user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export const useWorkspaces = () => useQuery({ queryKey: keys.workspaces, queryFn: async () => (await endpoints.workspaces()).items });
export const useWorkspace = (ws: string) => useQuery({ queryKey: keys.workspace(ws), queryFn: () => endpoints.workspace(ws) });
export const useMaps = (ws: string) => useQuery({ queryKey: keys.maps(ws), queryFn: async () => (await endpoints.maps(ws)).items });
export const useMapDetail = (ws: string, map: string) => useQuery({ queryKey: keys.map(ws, map), queryFn: () => endpoints.map(ws, map) });
export const useActors = (ws: string) =>
  useQuery({ queryKey: keys.actors(ws), queryFn: async () => (await endpoints.actors(ws, { limit: 500 })).items });
export const useActor = (ws: string, id: string) => useQuery({ queryKey: keys.actor(ws, id), queryFn: () => endpoints.actor(ws, id) });
export const useDemands = (ws: string) =>
  useQuery({ queryKey: keys.demands(ws), queryFn: async () => (await endpoints.demands(ws)).items });
export const useHistory = (ws: string) =>
  useQuery({ queryKey: keys.history(ws), queryFn: async () => (await endpoints.history(ws, { limit: 100 })).items });
export const useMembers = (ws: string) =>
  useQuery({ queryKey: keys.members(ws), queryFn: async () => (await endpoints.members(ws)).items });
/** What an invite link is for; a link that does not work is an ApiError (404), not retried. */
export const useInviteDetails = (token: string | undefined) =>
  useQuery({
    queryKey: keys.invite(token ?? ''),
    queryFn: () => endpoints.inviteDetails(token!),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
  });
export const useSources = (ws: string) =>
  useQuery({ queryKey: keys.sources(ws), queryFn: async () => (await endpoints.sources(ws)).items });

export const useMapLinks = (ws: string, map: string) =>
  useQuery({ queryKey: keys.mapLinks(ws, map), queryFn: async () => (await endpoints.mapLinks(ws, map)).items });
export const useInternalFields = (ws: string) =>
  useQuery({ queryKey: keys.internalFields(ws), queryFn: () => endpoints.internalFields(ws), staleTime: 60_000 });
export const usePublicMap = (token: string) =>
  useQuery({ queryKey: keys.publicMap(token), queryFn: () => endpoints.publicMap(token), staleTime: 60_000 });
export const useMapShares = (ws: string, map: string, enabled = true) =>
  useQuery({ queryKey: keys.mapShares(ws, map), queryFn: () => endpoints.mapShares(ws, map), enabled });
export const useOutgoingShares = (ws: string) =>
  useQuery({ queryKey: keys.outgoingShares(ws), queryFn: async () => (await endpoints.outgoingShares(ws)).items });
export const useIncomingShares = (ws: string, enabled: boolean) =>
  useQuery({ queryKey: keys.incomingShares(ws), queryFn: async () => (await endpoints.incomingShares(ws)).items, enabled });
export const useSharedMaps = (ws: string) =>
  useQuery({ queryKey: keys.sharedMaps(ws), queryFn: async () => (await endpoints.sharedMaps(ws)).items });
export const useSharedMap = (ws: string, shareId: string) =>
  useQuery({ queryKey: keys.sharedMap(ws, shareId), queryFn: () => endpoints.sharedMap(ws, shareId) });

export const invalidateWorkspace = (client: QueryClient, ws: string) => client.invalidateQueries({ queryKey: keys.workspace(ws) });

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
