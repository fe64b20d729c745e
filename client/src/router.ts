import { useSyncExternalStore } from 'react';

/** The app's places, parsed from the path. */
export type Route =
  | { name: 'workspaces' }
  | { name: 'signin' }
  | { name: 'signup'; invite?: string }
  | { name: 'workspace'; ws: string; tab: 'maps' | 'actors' | 'demands' | 'history' | 'members' | 'coalition' }
  | { name: 'map'; ws: string; map: string }
  | { name: 'sharedMap'; ws: string; share: string }
  | { name: 'actor'; ws: string; actor: string }
  | { name: 'notFound' };

const tabs = ['maps', 'actors', 'demands', 'history', 'members', 'coalition'] as const;

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'workspaces' };
  if (parts[0] === 'signin') return { name: 'signin' };
  if (parts[0] === 'signup') {
    const invite = new URLSearchParams(search).get('invite') ?? undefined;
    return invite ? { name: 'signup', invite } : { name: 'signup' };
  }
  if (parts[0] === 'w' && parts[1]) {
    const ws = parts[1];
    if (parts[2] === 'maps' && parts[3]) return { name: 'map', ws, map: parts[3] };
    if (parts[2] === 'shared' && parts[3]) return { name: 'sharedMap', ws, share: parts[3] };
    if (parts[2] === 'actors' && parts[3]) return { name: 'actor', ws, actor: parts[3] };
    const tab = (tabs as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as (typeof tabs)[number]) : 'maps';
    return { name: 'workspace', ws, tab };
  }
  return { name: 'notFound' };
}

export const paths = {
  workspaces: () => '/',
  workspace: (ws: string, tab = 'maps') => (tab === 'maps' ? `/w/${ws}` : `/w/${ws}/${tab}`),
  map: (ws: string, map: string) => `/w/${ws}/maps/${map}`,
  sharedMap: (ws: string, share: string) => `/w/${ws}/shared/${share}`,
  actor: (ws: string, actor: string) => `/w/${ws}/actors/${actor}`,
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
