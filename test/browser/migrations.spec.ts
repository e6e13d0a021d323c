import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { migrationFixture } from '../support/migration-fixtures.js';
import { exampleMappingText, readRun, startRun, until } from '../support/migration-runs.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const PHASES = ['customers', 'open tickets', 'recently closed', 'knowledge', 'history'];

// The migration operator's console against the real stack: upload the public 1k CSV export with the shipped example
// mapping, look at the sample, approve, watch the phase bars fill; then cancel and roll back with confirmation.
describe('web console: migration runs (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let dataDir: string;
  let operator: { token: string; email: string; password: string };
  let page: Page;
  let runId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'migrations-browser-'));
    [system, browser] = await Promise.all([startTestSystem({ ...consoleConfig(), dataDir }), launchBrowser()]);
    operator = await system.signIn(['migration_operator']);
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const progressBar = (phase: string) => page.getByRole('progressbar', { name: `${phase} progress` });

  it('shows a mapping with issues beside the mapping, by line, and starts nothing', async () => {
    await signInThroughConsole(page, system.url, operator);
    expect(new URL(page.url()).pathname).toBe('/app/migrations');
    await page.getByText('No migration runs yet').waitFor();

    await page.getByRole('link', { name: 'New run' }).click();
    await page.getByRole('heading', { name: 'New migration run' }).waitFor();
    await page.getByLabel('Or server paths, one per line').fill(migrationFixture('generic-tickets-1k.csv'));
    await page.getByRole('button', { name: 'Generic CSV tickets' }).click();
    const mapping = page.getByLabel('Mapping (YAML or JSON)');
    await mapping.fill((await mapping.inputValue()).replace('Closed: closed', 'Closed: finished'));
    await page.getByRole('button', { name: 'Start run' }).click();

    const issues = page.getByRole('list', { name: 'Mapping issues' });
    await expect(issues.textContent()).resolves.toMatch(/Line 21: "finished" is not a status/);
    await page.getByRole('alert').filter({ hasText: 'The mapping has 1 issue(s)' }).waitFor();
    await saveScreenshot(page, 'migration-new-run');
    expect(await system.dataSource.query('SELECT id FROM migration_runs')).toEqual([]);
  });

  it('shows the preflight problem by its line, takes the revised mapping, then cancels and rolls back after confirmations', async () => {
    // A trial run started through the API (its own source key) whose mapping names a column the file lacks.
    const mapping = exampleMappingText('generic-tickets.mapping.yaml');
    const second = await startRun(system, operator.token, {
      sourceSystem: 'csv',
      sourceKey: 'trial-desk',
      files: [migrationFixture('generic-tickets-1k.csv')],
      mapping: mapping.replace('priority: Priority', 'priority: Priorty'),
      sampleSize: 5,
    });
    await page.goto(`${system.url}/app/migrations/${second}`);
    const problems = page.getByRole('heading', { name: 'Problems to fix before the run goes on' }).locator('..');
    await problems.getByText(/Priorty/).waitFor({ timeout: 45_000 });
    await expect(problems.textContent()).resolves.toMatch(/line 14.*Priorty/);
    await saveScreenshot(page, 'migration-needs-mapping');

    const revised = page.getByLabel('Run mapping (YAML or JSON)');
    await expect(revised.inputValue()).resolves.toContain('priority: Priorty');
    await revised.fill(mapping);
    await page.getByRole('button', { name: 'Check and sample again' }).click();
    await page.getByRole('button', { name: 'Approve' }).waitFor({ timeout: 45_000 });
    const [row] = await system.dataSource.query('SELECT mapping FROM migration_runs WHERE id = $1', [second]);
    expect(row.mapping).toBe(mapping);

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const askCancel = page.getByRole('dialog', { name: 'Cancel the run?' });
    await askCancel.getByRole('button', { name: 'Keep the run as it is' }).click();
    await askCancel.waitFor({ state: 'detached' });
    expect((await readRun(system, operator.token, second)).status).toBe('awaiting_approval');

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('dialog', { name: 'Cancel the run?' }).getByRole('button', { name: 'Cancel the run' }).click();
    await page.getByRole('status', { name: 'Run state' }).getByText('cancelled').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('dialog', { name: 'Roll the run back?' }).getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('status', { name: 'Run state' }).getByText('rolled back').waitFor();
    expect((await readRun(system, operator.token, second)).status).toBe('rolled_back');

    // The same run on a phone: controls and bars stack, nothing overflows.
    const phone = await openPage(browser, 'phone');
    await signInThroughConsole(phone, system.url, operator);
    await phone.goto(`${system.url}/app/migrations/${second}`);
    await phone.getByRole('status', { name: 'Run state' }).getByText('rolled back').waitFor();
    await phone.getByRole('progressbar', { name: 'history progress' }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await saveScreenshot(phone, 'migration-run-phone');
    await phone.context().close();
  }, 120_000);

  it('an operator imports the 1k CSV fixture and watches the bars reach 100 %', async () => {
    // Progress pushed over the subscription socket (graphql-ws), counted to show the bars are live, not only polled.
    let pushedEvents = 0;
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => void (String(payload).includes('"migrationProgress"') && pushedEvents++)));
    await page.goto(`${system.url}/app/migrations/new`);
    await page.getByLabel('Export files to upload').setInputFiles(migrationFixture('generic-tickets-1k.csv'));
    await page.getByRole('button', { name: 'Generic CSV tickets' }).click();
    await page.getByLabel('Batch size (records)').fill('250');
    await page.getByLabel('Sample size (0 skips the sample)').fill('20');
    await page.getByRole('button', { name: 'Start run' }).click();

    await page.getByRole('heading', { name: /Run of csv/ }).waitFor();
    runId = new URL(page.url()).pathname.split('/').pop()!;
    // The export went up to the API's data folder, and the run reads it from there.
    const [row] = await system.dataSource.query('SELECT source FROM migration_runs WHERE id = $1', [runId]);
    expect(row.source.files).toEqual([expect.stringMatching(new RegExp(`^${join(dataDir, 'migration-uploads')}/[0-9a-f-]+/generic-tickets-1k\\.csv$`))]);

    // The sample, source beside result, waits for approval; nothing is imported yet.
    const sample = page.getByRole('region', { name: 'Sample records, source beside result' });
    await sample.waitFor({ timeout: 45_000 });
    await expect(sample.getByRole('row').count()).resolves.toBe(21);
    await saveScreenshot(page, 'migration-sample');
    await page.getByText('Records by phase: open tickets 572 · history 428').waitFor();
    expect(await system.dataSource.query('SELECT id FROM tickets')).toEqual([]);

    await page.getByRole('button', { name: 'Approve' }).click();
    for (const phase of PHASES) {
      await until(async () => (await progressBar(phase).getAttribute('aria-valuenow')) === '100', 60_000);
    }
    // Approved, the run imports: the sample (and its form to revise the mapping) leave the page, none left behind.
    await expect(page.getByRole('heading', { name: 'Sample', exact: true }).count()).resolves.toBe(0);
    await page.getByRole('progressbar', { name: 'history progress' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'migration-run');
    expect(pushedEvents).toBeGreaterThan(0);

    const run = await readRun(system, operator.token, runId);
    const { read, imported, updated, rejected, skipped } = run.report.totals;
    expect(read).toBe(1000);
    expect(read).toBe(imported + updated + rejected + skipped);
    await expect(page.getByRole('status', { name: 'Run state' }).textContent()).resolves.toContain(
      `Read 1000 = imported ${imported} + updated ${updated} + rejected ${rejected} + skipped ${skipped}`,
    );

    await page.getByRole('link', { name: 'Back to the runs' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'trial-desk' }).getByText('rolled back').waitFor();
    const imports = rows.filter({ has: page.getByRole('link', { name: 'csv', exact: true }) });
    // Read, imported, updated, rejected, skipped: as the API's report holds them.
    await expect(imports.getByRole('cell').allTextContents().then((cells) => cells.slice(3, 8))).resolves.toEqual(
      [read, imported, updated, rejected, skipped].map(String),
    );
    await saveScreenshot(page, 'migration-runs');
  }, 240_000);
});
