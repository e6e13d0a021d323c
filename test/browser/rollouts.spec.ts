import type { Browser, Page } from 'playwright-core';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The rollout timeline in a real browser against the real stack: a lead completes a task and passes a gate on screen
// (the API then holds both), a failed gate shows its gap and is overridden with a reason, and a rollout is started
// from a template through the form.

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const GATES = `query($id: ID!) { rollout(id: $id) { currentPhaseId tasks { id done completedOn } gates { phaseId passed overrideReason } } }`;

describe('web console: the rollout timeline (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let lead: { token: string; userId: string; email: string; password: string };
  let rolloutId: string;
  let page: Page;
  let colleagues: Array<{ role: string; userId: string }>;

  const asLead = (query: string, variables: Record<string, unknown> = {}) => system.graphql(query, variables, lead.token);
  const peopleInput = () => [{ role: 'lead', userId: lead.userId }, ...colleagues];
  const readRollout = async () => dataOf(await asLead(GATES, { id: rolloutId })).rollout;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    lead = await system.signIn(['implementation_lead']);
    colleagues = await Promise.all(['admin', 'migration_operator', 'trainer'].map(async (role) => ({ role, userId: (await system.signIn(['admin'])).userId })));

    // Started five days ago: the requirements ran a day late, and routing was re-dated by the vendor, so the plan slipped.
    const { createRollout } = dataOf(
      await asLead(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, {
        input: { name: 'Acme support desk', templateId: 'unified-platform', startDate: isoDay(-5), people: peopleInput() },
      }),
    );
    rolloutId = createRollout.id;
    dataOf(await asLead(`mutation($r: ID!, $b: BaselineInput!) { recordRolloutBaseline(rolloutId: $r, baseline: $b) }`, {
      r: rolloutId,
      b: { firstResponseMinutes: 240, resolutionMinutes: 2880, csat: 0.78, ticketsPerAgentPerDay: 18 },
    }));
    for (const [taskId, completedOn] of [['gather-requirements', isoDay(-2)], ['record-baseline', isoDay(-1)]]) {
      dataOf(await asLead(`mutation($r: ID!, $t: String!, $d: String) { completeRolloutTask(rolloutId: $r, taskId: $t, completedOn: $d) { id } }`, { r: rolloutId, t: taskId, d: completedOn }));
    }
    dataOf(await asLead(`mutation($r: ID!, $d: String!) { redateRolloutTask(rolloutId: $r, taskId: "configure-routing", dueDate: $d) { id } }`, { r: rolloutId, d: isoDay(7) }));
    page = await openPage(browser);
    await signInThroughConsole(page, system.url, lead);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('a lead completes a task and passes a gate; the API then holds the task done and the gate passed', async () => {
    await page.getByRole('link', { name: 'Acme support desk' }).click();
    await page.getByRole('heading', { name: 'Acme support desk', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Phases and tasks' });
    await timeline.getByText('Requirements and planning').waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(8 + 17);
    // The requirements ran late, so the projection is behind the plan.
    await page.getByRole('group', { name: 'Rollout summary' }).getByText(/late$/).waitFor();

    await page.getByRole('button', { name: 'Complete Agree success criteria and the go-live date' }).click();
    await page.getByRole('button', { name: 'Complete Agree success criteria and the go-live date' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Pass the Requirements and planning gate' }).click();
    await page.getByRole('status').getByText('The Requirements and planning gate is passed.').waitFor();
    await page.getByRole('heading', { name: 'Current phase: Platform setup' }).waitFor();
    await page.getByRole('region', { name: 'Gates' }).getByRole('heading', { name: /^Requirements and planning passed/ }).waitFor();
    await saveScreenshot(page, 'rollout-timeline');

    const rollout = await readRollout();
    expect(rollout.tasks.find((task: { id: string }) => task.id === 'define-success')).toMatchObject({ done: true, completedOn: isoDay(0) });
    expect(rollout.gates).toEqual([{ phaseId: 'requirements', passed: true, overrideReason: null }]);
    expect(rollout.currentPhaseId).toBe('platform-setup');

    // On a phone the timeline scrolls sideways inside its own region rather than squeezing the bars.
    const phone = await openPage(browser, 'phone');
    await signInThroughConsole(phone, system.url, lead);
    await phone.goto(page.url());
    await phone.getByRole('region', { name: /Timeline, scrolls sideways/ }).waitFor();
    await saveScreenshot(phone, 'rollout-timeline-phone');
    await phone.context().close();
  });

  it('shows a failed gate with its gap, then passes it by an override with a reason', async () => {
    await page.getByRole('button', { name: 'Pass the Platform setup gate' }).click();
    await page.getByRole('alert').filter({ hasText: 'The gate is not passed: a measured criterion failed.' }).waitFor();
    const criteria = page.getByRole('table', { name: 'Platform setup gate as just measured' });
    const openTasks = criteria.getByRole('row', { name: /open tasks/ });
    await expect(openTasks.getByRole('cell').allTextContents()).resolves.toEqual(['failed', '3', '0', 'short by 3']);

    await page.getByLabel('Reason to pass the gate anyway').fill('The vendor configured the channels; sign-off is tracked in the contract.');
    await page.getByRole('button', { name: 'Override the gate' }).click();
    await page.getByRole('status').getByText('The Platform setup gate is passed.').waitFor();
    await page.getByRole('region', { name: 'Gates' }).getByRole('heading', { name: /^Platform setup passed by override/ }).waitFor();

    const rollout = await readRollout();
    expect(rollout.gates.slice(1)).toEqual([
      { phaseId: 'platform-setup', passed: false, overrideReason: null },
      { phaseId: 'platform-setup', passed: true, overrideReason: 'The vendor configured the channels; sign-off is tracked in the contract.' },
    ]);
    expect(rollout.currentPhaseId).toBe('data-migration');

    // A change made elsewhere (another tab, a colleague) reaches the open screen over the rolloutEvents subscription.
    const sampleRun = page.getByRole('button', { name: 'Complete Sample run and review of rejects' });
    await sampleRun.waitFor();
    dataOf(await asLead(`mutation($r: ID!) { completeRolloutTask(rolloutId: $r, taskId: "sample-migration") { id } }`, { r: rolloutId }));
    await sampleRun.waitFor({ state: 'detached' });
  });

  it('ticks a testing checklist item, runs the pilot (start, check-in, issue) and measures KPIs against the baseline', async () => {
    // A second rollout, its first gates passed by the lead's overrides.
    dataOf(await asLead(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, {
      input: { name: 'Initech service desk', templateId: 'unified-platform', startDate: isoDay(-20), people: peopleInput() },
    }));
    const { rollouts } = dataOf(await asLead('{ rollouts { id name } }'));
    const pilotRolloutId = rollouts.find((rollout: { name: string }) => rollout.name === 'Initech service desk').id;
    dataOf(await asLead(`mutation($r: ID!) { recordRolloutBaseline(rolloutId: $r, baseline: { firstResponseMinutes: 240, csat: 0.78 }) }`, { r: pilotRolloutId }));
    const overrideGate = async () =>
      dataOf(await asLead(`mutation($r: ID!) { overrideRolloutGate(rolloutId: $r, reason: "Signed off in the steering meeting") { passed } }`, { r: pilotRolloutId }));
    for (let gate = 0; gate < 4; gate++) await overrideGate();

    // In the testing phase the lead ticks a checklist item on screen.
    await page.goto(`${system.url}/app/rollouts/${pilotRolloutId}`);
    await page.getByRole('heading', { name: 'Current phase: Testing and validation' }).waitFor();
    const resolution = page.getByRole('checkbox', { name: 'Resolution and closing' });
    const saved = page.waitForResponse((response) => response.request().postData()?.includes('RolloutsCheckItem') ?? false);
    await resolution.check();
    await saved;
    const { rollout } = dataOf(await asLead(`query($id: ID!) { rollout(id: $id) { phases { id checklist { item passed } } } }`, { id: pilotRolloutId }));
    const testing = rollout.phases.find((phase: { id: string }) => phase.id === 'testing');
    expect(testing.checklist.filter((entry: { passed: boolean }) => entry.passed)).toEqual([{ item: 'Resolution and closing', passed: true }]);
    await overrideGate();
    await page.getByRole('heading', { name: 'Current phase: Pilot' }).waitFor();
    await page.getByLabel('Duration (days)').fill('7');
    await page.getByRole('button', { name: 'Start the pilot' }).click();
    const pilot = page.getByRole('region', { name: /^Pilot/ });
    await pilot.getByRole('heading', { name: 'Pilot running' }).waitFor();

    await pilot.getByLabel('Check-in note').fill('Day one: the billing team answered every email within the hour.');
    await pilot.getByRole('button', { name: 'Record check-in' }).click();
    await pilot.getByText('Day one: the billing team answered every email within the hour.').waitFor();
    await pilot.getByLabel('Issue').fill('Chat transcripts lose attachments.');
    await pilot.getByLabel('Severity').selectOption('high');
    await pilot.getByRole('button', { name: 'Report issue' }).click();
    await pilot.getByText('Chat transcripts lose attachments.').waitFor();

    await page.getByRole('button', { name: 'Measure now' }).click();
    const review = page.getByRole('table', { name: 'Measured now: KPIs against the baseline' });
    const csat = review.getByRole('row', { name: /CSAT/ });
    await csat.waitFor();
    await expect(csat.getByRole('cell').allTextContents()).resolves.toEqual(['78 %', 'not measured', '—']);
    await saveScreenshot(page, 'rollout-pilot');

    const { rolloutPilot } = dataOf(await asLead(`query($r: ID!) { rolloutPilot(rolloutId: $r) }`, { r: pilotRolloutId }));
    expect(rolloutPilot.checkIns).toEqual([expect.objectContaining({ by: lead.userId, note: 'Day one: the billing team answered every email within the hour.' })]);
    expect(rolloutPilot.issues).toEqual([expect.objectContaining({ description: 'Chat transcripts lose attachments.', severity: 'high' })]);
  });

  it('starts a rollout from a template through the form, the lead named for every role', async () => {
    await page.getByRole('link', { name: 'Rollouts' }).click();
    await page.getByRole('table', { name: 'Rollouts, newest first' }).getByRole('link', { name: 'Initech service desk' }).waitFor();
    await saveScreenshot(page, 'rollouts-list');
    await page.getByLabel('Name', { exact: true }).fill('Globex pilot desk');
    await page.getByLabel('Plan template').selectOption('traditional');
    await page.getByRole('button', { name: 'Start rollout' }).click();
    await page.getByRole('heading', { name: 'Globex pilot desk', level: 1 }).waitFor();

    const id = new URL(page.url()).pathname.split('/').pop();
    const { rollout } = dataOf(await asLead(`query($id: ID!) { rollout(id: $id) { name templateId startDate people { role userId } } }`, { id }));
    expect(rollout).toMatchObject({ name: 'Globex pilot desk', templateId: 'traditional', startDate: isoDay(0) });
    expect(rollout.people.every((person: { userId: string }) => person.userId === lead.userId)).toBe(true);
  });
});
