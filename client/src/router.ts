import { useSyncExternalStore } from 'react';

/** The app's places, parsed from the path. */
export type Route =
  | { name: 'workspaces' }
  | { name: 'signin'; invite?: string }
  | { name: 'account' }
  | { name: 'signup'; invite?: string }
  | {
      name: 'workspace';
      ws: string;
      tab: 'maps' | 'actors' | 'sources' | 'demands' | 'tasks' | 'history' | 'members' | 'coalition' | 'settings' | 'import';
    }
  | { name: 'demand'; ws: string; demand: string }
  | { name: 'demandBrief'; ws: string; demand: string }
  | { name: 'timeline'; ws: string; demand?: string; target?: string }
  | { name: 'map'; ws: string; map: string }
  | { name: 'sharedMap'; ws: string; share: string }
  | { name: 'actor'; ws: string; actor: string }
  | { name: 'publicMap'; token: string; embed: boolean }
  | { name: 'notFound' };

const tabs = ['maps', 'actors', 'sources', 'demands', 'tasks', 'history', 'members', 'coalition', 'settings', 'import'] as const;

/** A malformed escape in a pasted link is the link's problem, not a crash. */
function safeDecode(part: string) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'workspaces' };
  if (parts[0] === 'account' && parts.length === 1) return { name: 'account' };
  // A shared map, to anyone with the link: /p/:token for the page, /embed/:token for an <iframe>.
  if ((parts[0] === 'p' || parts[0] === 'embed') && parts[1] && parts.length === 2) {
    return { name: 'publicMap', token: safeDecode(parts[1]), embed: parts[0] === 'embed' };
  }
  if (parts[0] === 'signin' || parts[0] === 'signup') {
    const name = parts[0];
    const invite = new URLSearchParams(search).get('invite') ?? undefined;
    return invite ? { name, invite } : { name };
  }
  if (parts[0] === 'w' && parts[1]) {
    const ws = parts[1];
    if (parts[2] === 'maps' && parts[3]) return { name: 'map', ws, map: parts[3] };
    if (parts[2] === 'shared' && parts[3]) return { name: 'sharedMap', ws, share: parts[3] };
    if (parts[2] === 'actors' && parts[3]) return { name: 'actor', ws, actor: parts[3] };
    if (parts[2] === 'demands' && parts[3] && parts[4] === 'brief' && parts.length === 5)
      return { name: 'demandBrief', ws, demand: parts[3] };
    if (parts[2] === 'demands' && parts[3] && parts.length === 4) return { name: 'demand', ws, demand: parts[3] };
    if (parts[2] === 'timeline' && parts.length === 3) {
      const q = new URLSearchParams(search);
      const demand = q.get('demand') ?? undefined;
      const target = q.get('target') ?? undefined;
      return { name: 'timeline', ws, ...(demand ? { demand } : {}), ...(target ? { target } : {}) };
    }
    const tab = (tabs as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as (typeof tabs)[number]) : 'maps';
    return { name: 'workspace', ws, tab };
  }
  return { name: 'notFound' };
}

export const paths = {
  workspaces: () => '/',
  account: () => '/account',
  signin: (invite?: string) => (invite ? `/signin?invite=${encodeURIComponent(invite)}` : '/signin'),
  signup: (invite?: string) => (invite ? `/signup?invite=${encodeURIComponent(invite)}` : '/signup'),
  workspace: (ws: string, tab = 'maps') => (tab === 'maps' ? `/w/${ws}` : `/w/${ws}/${tab}`),
  map: (ws: string, map: string) => `/w/${ws}/maps/${map}`,
  sharedMap: (ws: string, share: string) => `/w/${ws}/shared/${share}`,
  actor: (ws: string, actor: string) => `/w/${ws}/actors/${actor}`,
  demand: (ws: string, demand: string) => `/w/${ws}/demands/${demand}`,
  demandBrief: (ws: string, demand: string) => `/w/${ws}/demands/${demand}/brief`,
  timeline: (ws: string, params: { demand?: string; target?: string } = {}) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
    return `/w/${ws}/timeline${q ? `?${q}` : ''}`;
  },
  publicMap: (token: string) => `/p/${encodeURIComponent(token)}`,
  embed: (token: string) => `/embed/${encodeURIComponent(token)}`,
};

const listeners = new Set<() => void>();
const subscribe = (l: () => void) => {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
};
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, replace = false) {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, snapshot);
  const [pathname, search = ''] = href.split('?');
  return parseRoute(pathname ?? '/', search ? `?${search}` : '');
}
