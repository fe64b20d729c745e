import type { Gateway } from '../db/gateway.js';

/** Seeds the demo workspace when the database holds no workspace yet. */
export async function seedDemoIfEmpty(_db: Gateway, _log: (line: string) => void): Promise<void> {}
