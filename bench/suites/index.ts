import type { Suite } from '../lib/context.js';
import { apiSuite } from './api.js';

/** In run order. `memory` is not among them: the runner writes it from the API process they share. */
export const suites: Suite[] = [apiSuite];
export const suiteNames = [...suites.map((s) => s.name), 'memory'];
