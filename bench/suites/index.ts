import type { Suite } from '../lib/context.js';
import { apiSuite } from './api.js';
import { peerSuite } from './peer.js';
import { bulkSuite } from './bulk.js';
import { analysisSuite } from './analysis.js';
import { questionsSuite } from './questions.js';
import { renderingSuite } from './rendering.js';
import { heavySuite } from './heavy.js';
import { ownershipSuite } from './ownership.js';
import { importThroughputSuite } from '../import-throughput.js';

/** In run order. `memory` is not among them: the runner writes it from the API process they share. */
export const suites: Suite[] = [
  apiSuite,
  peerSuite,
  bulkSuite,
  importThroughputSuite,
  analysisSuite,
  questionsSuite,
  ownershipSuite,
  heavySuite,
  renderingSuite,
];
export const suiteNames = [...suites.map((s) => s.name), 'memory'];
