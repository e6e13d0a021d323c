import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { CHANGE_STATUS, CREATE_ESCALATION, CREATE_SLA, REPLY, dataOf, metricOf, ms, readSlaTicket, waitForTicket } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The supervisor's SLA board in a real browser against the real API, worker, PostgreSQL and Temporal. A policy with a
// 1-minute first-reply target for urgent tickets (24x7, the shortest real target) breaches for real about a minute after
// the ticket is created; the board is open before the ticket exists and must show the breach without a reload. While that
// clock runs, the other specs look at the agents, the KPI charts and a ticket's live workflow state on pages of their own.

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const SET_MY_AVAILABILITY = 'mutation($availability: AgentAvailability!) { setMyAvailability(availability: $availability) { availability } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number subject createdAt assigneeId } }';
const AGENTS = 'query { agents { userId availability } ticketBacklog(groupBy: AGENT) { groups { key count } } }';
const REPORT = `query($filter: ReportFilterInput!) {
  helpdeskReport(filter: $filter, groupBy: DAY, metrics: [TICKETS_CREATED, TICKETS_SOLVED]) { totals { metric value } groups { key figures { metric value } } }
}`;
const LIVE = 'query($id: ID!) { ticket(id: $id) { live { status priority groupId lifecycleVersion } } }';

/** Reads the screen until `ready` holds (it updates by itself), failing with the last reading. */
function until<T>(what: string, read: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  return waitFor(
    what,
    async () => {
      const value = await read();
      if (!ready(value)) throw new Error(`last read: ${JSON.stringify(value)}`);
      return value;
    },
    timeoutMs,
    100,
  );
}

interface CreatedTicket {
  id: string;
  number: string;
  subject: string;
  createdAt: string;
  assigneeId: string | null;
}

describe('the supervisor SLA board (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let admin: string;
  let agent: string;
  let supervisor: { token: string; email: string; password: string };
  let board: Page;
  const groups: Record<'billing' | 'access', string> = {} as never;
  const agents: Record<'ana' | 'bo' | 'cy', { token: string; userId: string }> = {} as never;
  const tickets: Record<'urgent' | 'high1' | 'high2' | 'normal' | 'low' | 'solved', CreatedTicket> = {} as never;

  const call = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> =>
    dataOf(await system.graphql<T>(query, variables, token));

  const createTicket = async (subject: string, priority: string, groupId: string): Promise<CreatedTicket> =>
    (await call<{ createTicket: CreatedTicket }>(
      CREATE_TICKET,
      { input: { subject, description: 'Please help.', requesterEmail: 'customer@example.com', channel: 'EMAIL', priority, groupId } },
      agent,
    )).createTicket;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    supervisor = await system.signIn(['supervisor']);
    groups.billing = (await call(CREATE_GROUP, { name: 'Billing' }, admin)).createGroup.id;
    groups.access = (await call(CREATE_GROUP, { name: 'Access' }, admin)).createGroup.id;
    const names = { ana: 'Ana Lima', bo: 'Bo Chen', cy: 'Cy Okafor' } as const;
    for (const [key, groupId, capacity] of [['ana', groups.billing, 3], ['bo', groups.billing, 4], ['cy', groups.access, 4]] as const) {
      agents[key] = await system.signIn(['agent']);
      await system.dataSource.query('UPDATE users SET display_name = $1 WHERE id = $2', [names[key], agents[key].userId]);
      await call(UPSERT_AGENT, { input: { userId: agents[key].userId, groupIds: [groupId], capacity } }, admin);
    }
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.ana.token);
    await call(SET_MY_AVAILABILITY, { availability: 'ONLINE' }, agents.cy.token);
    const escalation = (await call(
      CREATE_ESCALATION,
      { input: { name: 'Tell the supervisors', steps: [{ trigger: { on: 'BREACH' }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS' }, repeatEveryMinutes: 10 }] } },
      admin,
    )).createEscalationPolicy;
    await call(
      CREATE_SLA,
      {
        input: {
          name: 'Standard support',
          targets: [
            { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 1, businessHours: false },
            { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 30, businessHours: false },
            { priority: 'NORMAL', metric: 'FIRST_REPLY', minutes: 45, businessHours: false },
          ],
          // 10 % of a minute: the urgent ticket's warning comes 6 s in, its breach at 60 s.
          warningThresholds: [10],
          escalationPolicyId: escalation.id,
        },
      },
      admin,
    );
    // A ticket answered and solved at once: the charts have a first reply, a solve and a met clock to show.
    tickets.solved = await createTicket('Invoice copy for November', 'HIGH', groups.billing);
    await call(REPLY, { input: { ticketId: tickets.solved.id, body: 'Attached, with our apologies.' } }, agent);
    await call(CHANGE_STATUS, { input: { ticketId: tickets.solved.id, status: 'SOLVED' } }, agent);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('lists the tickets at risk, live, on a board opened before they existed', async () => {
    board = await openPage(browser);
    await signInThroughConsole(board, system.url, supervisor);
    await board.goto(`${system.url}/app/board`);
    await board.getByRole('heading', { name: 'SLA board' }).waitFor();
    await board.getByText('No ticket is near its deadline.').waitFor();

    tickets.urgent = await createTicket('Payment page returns 500', 'URGENT', groups.billing);
    tickets.high1 = await createTicket('Cannot download invoice PDF', 'HIGH', groups.billing);
    tickets.high2 = await createTicket('Two-factor codes not arriving', 'HIGH', groups.access);
    tickets.normal = await createTicket('Password reset link expired', 'NORMAL', groups.access);
    tickets.low = await createTicket('Typo on the pricing page', 'LOW', groups.billing);

    // The urgent ticket's warning arrives over the subscription and the list is read again: no reload, no click.
    const log = board.getByRole('log', { name: 'Live SLA events' });
    await log.getByText('First reply at 10 % of its target').waitFor();
    const rows = board.getByRole('table', { name: 'Tickets at risk, soonest deadline first' }).getByRole('row');
    const texts = await until('the four tickets at risk', () => rows.allTextContents(), (all) => all.length === 5); // header + 4
    // Soonest deadline first; the low ticket has no target and the solved one no running clock.
    expect(texts.slice(1).map((text) => text.match(/#(\S+)/)?.[1])).toEqual([tickets.urgent, tickets.high1, tickets.high2, tickets.normal].map((t) => t.number));
    expect(texts[1]).toContain('Payment page returns 500');
    expect(texts[1]).toContain('Billing');
    expect(texts[1]).toMatch(/At risk.*left/);
    expect(texts[3]).toContain('Access');
  });

  it('shows the agents with availability and load, and lets the supervisor set an agent away', async () => {
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, supervisor);
    await page.goto(`${system.url}/app/board`);
    const table = page.getByRole('table', { name: 'Agents' });
    const api = await call<{ agents: Array<{ userId: string; availability: string }>; ticketBacklog: { groups: Array<{ key: string; count: number }> } }>(AGENTS, {}, supervisor.token);
    const loadOf = (userId: string) => api.ticketBacklog.groups.find((group) => group.key === userId)?.count ?? 0;
    const anaRow = table.getByRole('row').filter({ hasText: 'Ana Lima' });
    await until("Ana's load", () => anaRow.textContent(), (text) => text?.includes(`${loadOf(agents.ana.userId)} of 3`) ?? false);
    expect(await table.getByRole('row').filter({ hasText: 'Cy Okafor' }).textContent()).toContain(`${loadOf(agents.cy.userId)} of 4`);
    expect(await table.getByRole('row').filter({ hasText: 'Bo Chen' }).textContent()).toContain('Offline');
    // Routing gave the online agents the new tickets of their groups: the load is real.
    expect(loadOf(agents.ana.userId) + loadOf(agents.cy.userId)).toBeGreaterThan(0);

    await page.getByLabel('Availability of Ana Lima').selectOption('AWAY');
    await anaRow.locator('.badge', { hasText: 'Away' }).waitFor();
    const after = await call<{ agents: Array<{ userId: string; availability: string }> }>(AGENTS, {}, supervisor.token);
    expect(after.agents.find((a) => a.userId === agents.ana.userId)?.availability).toBe('AWAY');
    await page.context().close();
  });

  it("charts the report's figures for the tickets the test created, over 7 or 30 days", async () => {
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, supervisor);
    await page.goto(`${system.url}/app/board`);
    const totals = page.getByLabel('Totals over the range');
    const tile = (label: string) => totals.getByText(label, { exact: true }).locator('xpath=following-sibling::dd[1]');
    await until('the created tickets total', () => tile('Tickets created').textContent(), (text) => text === '6');
    expect(await tile('Tickets solved').textContent()).toBe('1');
    expect(await tile('First reply time (median)').textContent()).toBe('under 1 min');

    // The same figures as the API's report for today, in the browser's time zone (the days the board asks for).
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
    const report = (await call(REPORT, { filter: { from: today, to: today, timeZone } }, supervisor.token)).helpdeskReport;
    expect(report.totals).toEqual([
      { metric: 'TICKETS_CREATED', value: 6 },
      { metric: 'TICKETS_SOLVED', value: 1 },
    ]);
    const chart = page.getByRole('figure').filter({ hasText: 'Tickets created and solved per day' });
    await chart.getByText('Figures of “Tickets created and solved per day”').click();
    const days = chart.getByRole('table').getByRole('row');
    expect(await days.count()).toBe(1 + 7);
    // Today is the last day: the created and solved counts of the report.
    expect(await days.last().getByRole('cell').allTextContents()).toEqual(['6', '1']);
    // Recharts drew today's bars (at least) on a 7-day axis.
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count()).toBe(7);

    await page.getByLabel('Last 30 days').check();
    await until('a 30-day table', () => days.count(), (count) => count === 1 + 30);
    await page.context().close();
  });

  it("shows a ticket's live workflow state from its workflow", async () => {
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, supervisor);
    await page.goto(`${system.url}/app/board/tickets/${tickets.high2.id}`);
    await page.getByRole('heading', { name: `#${tickets.high2.number} Two-factor codes not arriving` }).waitFor();
    const live = (await call(LIVE, { id: tickets.high2.id }, supervisor.token)).ticket.live;
    const facts = page.getByRole('region', { name: 'Workflow state' });
    const statusWord = live.status.charAt(0) + live.status.slice(1).toLowerCase().replace('_', ' ');
    await expect(facts.textContent()).resolves.toContain(`Status${statusWord}`);
    expect(await facts.textContent()).toContain('PriorityHigh');
    expect(await facts.textContent()).toContain('GroupAccess');
    expect(await facts.textContent()).toContain(`Lifecycle version${live.lifecycleVersion}`);
    const clock = page.getByRole('table', { name: 'SLA clocks' }).getByRole('row').filter({ hasText: 'First reply' });
    expect(await clock.textContent()).toMatch(/30 min.*(29|30) min left/);
    await saveScreenshot(page, 'sla-board-ticket');
    await page.getByRole('link', { name: '← Back to the board' }).click();
    await page.getByRole('heading', { name: 'SLA board' }).waitFor();
    await page.context().close();
  });

  it(
    'shows the breach the moment the workflow records it, without a reload',
    async () => {
      const log = board.getByRole('log', { name: 'Live SLA events' });
      const breachSeen = await waitFor(
        'the breach on the open board',
        async () => {
          if ((await log.getByText('First reply target breached').count()) === 0) throw new Error('not yet');
          return Date.now();
        },
        ms(tickets.urgent.createdAt) + 60_000 - Date.now() + 20_000,
        100,
      );
      const recorded = await waitForTicket(system, tickets.urgent.id, admin, 'the recorded breach', (ticket) => ticket.slaBreachedAt !== null);
      const firstReply = metricOf(recorded, 'FIRST_REPLY');
      expect(firstReply.breached).toBe(true);
      // On screen within seconds of the workflow recording it (the deadline is a minute after creation).
      expect(breachSeen - ms(firstReply.breach!.detectedAt)).toBeLessThan(5_000);
      expect(recorded.timeline.map((event) => event.type)).toContain('sla_breached');

      const urgentRow = board.getByRole('row').filter({ hasText: `#${tickets.urgent.number}` });
      await until('the breached row', () => urgentRow.textContent(), (text) => /Breached.*overdue by/.test(text ?? ''));
      const escalation = board.getByRole('form', { name: `Escalation of ticket ${tickets.urgent.number}` });
      await escalation.waitFor();
      expect(await escalation.textContent()).toContain('Level 1');
      await saveScreenshot(board, 'sla-board');
    },
    120_000,
  );

  it('keeps an escalation to acknowledge after the reply that takes its ticket off the at-risk list; the note stops its repeats', async () => {
    // The reply stops the breached clock, not the escalation's repeats: the ticket leaves the list, not the queue.
    await call(REPLY, { input: { ticketId: tickets.urgent.id, body: 'We are on it.' } }, agent);
    await board.getByRole('button', { name: 'Refresh' }).click();
    const atRisk = board.getByRole('table', { name: 'Tickets at risk, soonest deadline first' });
    await until('the answered ticket off the list', () => atRisk.getByRole('row').allTextContents(), (rows) => rows.length === 4);
    expect((await atRisk.textContent()) ?? '').not.toContain('Payment page returns 500');
    const escalation = board.getByRole('form', { name: `Escalation of ticket ${tickets.urgent.number}` });
    await escalation.waitFor();

    await escalation.getByLabel('Note for the timeline').fill('Payments team paged, fix rolling out');
    await escalation.getByRole('button', { name: 'Acknowledge' }).click();
    await board.getByText('No escalation is waiting for acknowledgement.').waitFor();
    await board.getByRole('log', { name: 'Live SLA events' }).getByText('Escalation acknowledged').waitFor();
    const ticket = await readSlaTicket(system, tickets.urgent.id, admin);
    expect(ticket.sla.awaitingAcknowledgement).toBe(false);
    expect(ticket.timeline.find((event) => event.type === 'escalation_acknowledged')?.data).toMatchObject({ note: 'Payments team paged, fix rolling out' });

    const phone = await openPage(browser, 'phone');
    await signInThroughConsole(phone, system.url, supervisor);
    await phone.goto(`${system.url}/app/board`);
    await phone.getByRole('table', { name: 'Agents' }).waitFor();
    await phone.getByLabel('Totals over the range').waitFor();
    await saveScreenshot(phone, 'sla-board-phone');
    await phone.context().close();
  });
});
