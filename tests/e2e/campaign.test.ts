/**
 * The campaign over time on the fictional demo campaign: the demand page with its targets
 * and their circle, an action whose response moves a target (seen on the profile and the
 * timeline), and the campaign brief printed to PDF. Screenshots of each page at two laptop
 * sizes land in test-results/campaign/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaignDemo } from '../../server/demo/campaign.js';
import { apiIn, signUp, uniqueEmail } from '../support/e2e-editor.js';
import { startBrowserSession, type TestServer } from '../support/server.js';

const shotsDir = process.env.CAMPAIGN_SHOTS ?? path.join('test-results', 'campaign');
const sizes = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
];

/** Pages and the document title of a PDF as Chromium writes it (an uncompressed page tree and info dictionary). */
function pdfFacts(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
  const raw = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(text)?.[1] ?? '';
  if (!raw.startsWith('<')) return { pages, title: raw.slice(1, -1).replace(/\\(.)/g, '$1') };
  const bytes = Buffer.from(raw.slice(1, -1).replace(/\s/g, ''), 'hex');
  // A title beyond Latin-1 is UTF-16BE after a byte-order mark.
  const title =
    bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
  return { pages, title };
}

describe('the campaign over time', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ws: string;
  let demand: { id: string; title: string };
  let session: Awaited<ReturnType<typeof startBrowserSession>> | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ server, browser } = session);
    context = await browser.newContext({ viewport: sizes[0]! });
    page = await context.newPage();
    await signUp(page, server.url, { name: 'Campaign Lead', email: uniqueEmail('campaign'), password: 'a long enough password' });
    const me = await apiIn<{ user: { id: string; name: string } }>(page, 'GET', '/api/auth/me');
    ws = await seedCampaignDemo(server.db, { id: me.user.id, name: me.user.name });
    const demands = await apiIn<{ items: { id: string; title: string }[] }>(page, 'GET', `/api/workspaces/${ws}/demands`);
    demand = demands.items[0]!;
    mkdirSync(shotsDir, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  });

  const shoot = async (name: string) => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(shotsDir, `${name}-${size.width}x${size.height}.png`) });
    }
    await page.setViewportSize(sizes[0]!);
  };

  it('opens the demo from the demands list and sees the demand with its targets, their circle and the actions', async () => {
    await page.goto(`${server.url}/w/${ws}/demands`);
    await page.getByRole('link', { name: demand.title }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(demand.title) }).waitFor();
    const cards = page.getByTestId('target-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('target-circle').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('status-history').textContent()).toMatch(/presented.*drafting/);
    expect(await page.getByTestId('action-list').textContent()).toContain('Rally of 400 at the board meeting');
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await shoot('demand');

    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByTestId('timeline-events').waitFor();
    expect(await page.getByTestId('timeline-events').textContent()).toContain('Petition (1,200 signatures)');
    await shoot('timeline');
    // The workspace's timeline, reached from the demands list.
    await page.goto(`${server.url}/w/${ws}/demands`);
    await page.getByRole('link', { name: /campaign timeline/ }).click();
    await page.getByRole('heading', { level: 1, name: 'The campaign over time' }).waitFor();
    await page.getByTestId('timeline-events').getByText('Rally of 400 at the board meeting').waitFor();
  }, 120_000);

  it('rings the demand’s targets on the map, and takes the rings off with the Targets tool', async () => {
    const maps = await apiIn<{ items: { id: string }[] }>(page, 'GET', `/api/workspaces/${ws}/maps`);
    await page.goto(`${server.url}/w/${ws}/maps/${maps.items[0]!.id}`);
    await page.getByRole('toolbar', { name: 'Map tools' }).waitFor();
    const ringed = () =>
      page.evaluate(() => {
        const cy = (
          window as unknown as {
            __powermapCy?: { nodes(s: string): { length: number; map<T>(f: (n: { data(k: string): string }) => T): T[] } };
          }
        ).__powermapCy;
        return cy
          ? { primary: cy.nodes('.target-primary').map((n) => n.data('label')), secondary: cy.nodes('.target-secondary').length }
          : null;
      });
    await page.waitForFunction(
      () =>
        ((window as unknown as { __powermapCy?: { nodes(s: string): { length: number } } }).__powermapCy?.nodes('.target-primary').length ??
          0) > 0,
      null,
      { timeout: 60_000 },
    );
    const on = (await ringed())!;
    expect(on.primary).toContain('Superintendent Dr. Helen Park');
    expect(on.secondary).toBeGreaterThan(0);
    // On a laptop screen the legend starts folded.
    if ((await page.getByRole('button', { name: 'Legend ▸' }).count()) > 0) await page.getByRole('button', { name: 'Legend ▸' }).click();
    expect(await page.getByLabel('Legend').textContent()).toContain('Primary: can say yes');
    await page.waitForTimeout(1500);
    await shoot('map-targets');
    await page.getByRole('button', { name: '◎ Targets' }).click();
    expect(await ringed()).toEqual({ primary: [], secondary: 0 });
    await page.getByRole('button', { name: '◎ Targets' }).click();

    // An uncited tie becomes a research task from the inspector in one click.
    const tie = await page.evaluate(() => {
      const cy = (window as unknown as { __powermapCy: { edges(s: string): { id(): string; select(): void }[] } }).__powermapCy;
      const edge = cy.edges('.uncited')[cy.edges('.uncited').length - 1]!;
      edge.select();
      return edge.id();
    });
    await page.getByRole('button', { name: 'Make a task' }).click();
    // The task is made (the confirmation beside the button goes if a live refresh redraws the inspector).
    const taskFor = async () => {
      const open = await apiIn<{ items: { tasks: { relationshipIds: string[] }[] }[] }>(
        page,
        'GET',
        `/api/workspaces/${ws}/tasks/open-by-member`,
      );
      return open.items.flatMap((g) => g.tasks).some((t) => t.relationshipIds.includes(tie));
    };
    await expect.poll(taskFor, { timeout: 60_000 }).toBe(true);
  }, 120_000);

  it('records an action whose response moves a target, and sees the move on the profile and the timeline', async () => {
    await page.goto(`${server.url}/w/${ws}/demands/${demand.id}`);
    const form = page.getByRole('form', { name: 'Record an action' });
    await form.getByLabel('Action').fill('Town hall with the superintendent');
    await form.getByLabel('Escalation').selectOption('3');
    await form.getByRole('checkbox', { name: 'Superintendent Dr. Helen Park' }).check();
    await form.getByLabel("Target's response").fill('Agreed to put air filtration in her budget proposal');
    await form.getByLabel(/The response moved a target/).check();
    await form.getByLabel('Who moved').selectOption({ label: 'Superintendent Dr. Helen Park' });
    await form.getByLabel('Alignment now').selectOption('2');
    await form.getByLabel('Note on the move').fill('Public commitment at the town hall');
    await form.getByRole('button', { name: 'Record action' }).click();
    await page.getByTestId('action-list').getByText('Town hall with the superintendent').waitFor();
    expect(await page.getByTestId('action-list').textContent()).toContain('moved the map');

    await page.getByTestId('action-list').getByRole('link', { name: 'Superintendent Dr. Helen Park' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Helen Park/ }).waitFor();
    await page
      .getByText(/^\+2 · /)
      .first()
      .waitFor();

    await page.goto(`${server.url}/w/${ws}/timeline?demand=${demand.id}`);
    const filter = page.getByLabel('Target');
    await filter.selectOption({ label: 'Superintendent Dr. Helen Park' });
    const events = page.getByTestId('timeline-events');
    await events.getByText(/Superintendent Dr\. Helen Park: alignment .+ → \+2/).waitFor();
    expect(await events.textContent()).toContain('Town hall with the superintendent');
    // The filter keeps only what is about her: the rally aimed at two trustees is gone.
    expect(await events.textContent()).not.toContain('Rally of 400');
  }, 120_000);

  it('shows the open research per member on the Tasks tab, and a task marked done leaves it', async () => {
    await page.goto(`${server.url}/w/${ws}/tasks`);
    const mine = page.getByRole('region', { name: 'Tasks of Campaign Lead' });
    await mine.waitFor();
    expect(await page.getByRole('region', { name: 'Tasks of nobody yet' }).textContent()).toContain(
      'Who does Trustee Chen listen to in his district?',
    );
    const status = mine.getByLabel(/^Status of /);
    const before = await status.count();
    expect(before).toBeGreaterThanOrEqual(2);
    await shoot('tasks');
    const first = (await status.first().getAttribute('aria-label'))!.replace(/^Status of /, '');
    await status.first().selectOption('done');
    await page.waitForFunction(
      ({ title }) => ![...document.querySelectorAll('select')].some((s) => s.getAttribute('aria-label') === `Status of ${title}`),
      { title: first },
    );
    expect(await mine.getByLabel(/^Status of /).count()).toBe(before - 1);
  }, 60_000);

  it('edits a demand’s status with the day it changed, then deletes the demand after confirming', async () => {
    const made = await apiIn<{ id: string }>(page, 'POST', `/api/workspaces/${ws}/demands`, {
      title: 'Lead-free water fountains',
      statusAt: '2026-10-01T12:00:00.000Z',
    });
    await page.goto(`${server.url}/w/${ws}/demands/${made.id}`);
    await page.getByRole('heading', { level: 1, name: /Lead-free water fountains/ }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit demand' });
    await form.getByLabel('Status', { exact: true }).selectOption('won');
    await form.getByLabel('Status since').fill('2026-11-02');
    await form.getByRole('button', { name: 'Save demand' }).click();
    await form.waitFor({ state: 'detached' });
    const history = page.getByTestId('status-history');
    await history.getByText('won', { exact: true }).waitFor();
    expect(await history.textContent()).toMatch(/won\s*since Nov 2, 2026/i);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog', { name: 'Delete this demand?' }).getByRole('button', { name: 'Delete demand' }).click();
    await page
      .getByRole('tab', { name: 'Demands' })
      .or(page.getByRole('link', { name: 'Demands', exact: true }))
      .first()
      .waitFor();
    await page.waitForURL(/\/demands$/);
    await page.getByRole('link', { name: demand.title }).waitFor();
    expect(await page.getByRole('link', { name: 'Lead-free water fountains' }).count()).toBe(0);
  }, 60_000);

  it('opens the campaign brief and prints it to PDF on A4 and Letter', async () => {
    await page.goto(`${server.url}/w/${ws}/demands/${demand.id}`);
    await page.getByRole('link', { name: 'Campaign brief' }).click();
    const brief = page.getByTestId('brief');
    await brief.waitFor({ timeout: 30_000 });
    expect(await brief.textContent()).toContain('Who has power over them');
    expect(await page.getByRole('button', { name: 'Download PDF' }).isEnabled()).toBe(true);
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await shoot('brief');
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(path.join(shotsDir, `brief-${format}.pdf`), pdf);
      const facts = pdfFacts(pdf);
      // A cover, then a page per target (two primary, six secondary), then the sources.
      expect(facts.pages).toBeGreaterThanOrEqual(10);
      expect(facts.title).toContain(demand.title);
    }
  }, 120_000);
});
