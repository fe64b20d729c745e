/**
 * The hand-worked analysis answers and the published classics, asked again while every core
 * is kept busy by other processes: a loaded machine may make an answer slower, never different.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { burnCpu } from '../support/cpu-burner.js';

describe('analysis on a machine under load', () => {
  let burner: ReturnType<typeof burnCpu>;
  beforeAll(() => {
    burner = burnCpu();
  });
  afterAll(() => burner.stop());

  // Importing the files registers their tests here, inside this describe, with the burners running.
  describe('hand-built campaign map', async () => {
    await import('./analysis-questions.test.js');
  });
  describe('published values', async () => {
    await import('./analysis-classics.test.js');
  });
});
