import { useEffect, useState } from 'react';

type Readiness = { state: 'checking' } | { state: 'ready' } | { state: 'down'; reason: string };

async function checkReady(): Promise<Readiness> {
  try {
    const response = await fetch('/api/ready');
    if (response.ok) return { state: 'ready' };
    const body = (await response.json().catch(() => ({}))) as { detail?: string };
    return { state: 'down', reason: body.detail ?? `The server answered ${response.status}.` };
  } catch {
    return { state: 'down', reason: 'The powermap server is not reachable.' };
  }
}

/** An honest banner while the server or its database is down. */
export function ServerStatus() {
  const [ready, setReady] = useState<Readiness>({ state: 'checking' });
  useEffect(() => {
    let alive = true;
    const poll = async () => {
      const next = await checkReady();
      if (alive) setReady(next);
    };
    void poll();
    const timer = setInterval(poll, 5000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (ready.state !== 'down') return null;
  return (
    <div role="alert" className="banner banner-error">
      {ready.reason} Your changes cannot be saved until it is back; this page checks again every few seconds.
    </div>
  );
}
