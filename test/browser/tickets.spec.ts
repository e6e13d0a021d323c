import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The agent inbox and ticket view in a real browser against the real stack: what the agent sees, and what the API
// (and the customer's mailbox, the dev outbox) holds afterwards.

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const UPSERT_AGENT = 'mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }';
const GO_ONLINE = 'mutation { setMyAvailability(availability: ONLINE) { availability } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number } }';
const CREATE_ARTICLE = 'mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }';
const CREATE_SLA_POLICY = 'mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }';
const READ_TICKET = `query($id: ID!) {
  ticket(id: $id) { assigneeId status priority messages { body isPublic } timeline { type data } }
  ticketKnowledgeLinks(ticketId: $id) { article { title } }
}`;

describe('tickets console: inbox and ticket view (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let admin: string;
  let agent: Awaited<ReturnType<TestSystem['signIn']>>;
  let billingGroupId: string;

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => dataOf(await system.graphql(query, variables, token));
  const readTicket = async (id: string) => as(agent.token, READ_TICKET, { id });
  const createTicket = async (input: Record<string, unknown>) =>
    (await as(agent.token, CREATE_TICKET, { input: { description: 'Details below.', channel: 'EMAIL', groupId: billingGroupId, ...input } })).createTicket;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    ({ token: admin } = await system.signIn(['admin']));
    agent = await system.signIn(['agent']);
    billingGroupId = (await as(admin, CREATE_GROUP, { name: 'Billing' })).createGroup.id;
    await as(admin, UPSERT_AGENT, { input: { userId: agent.userId, groupIds: [billingGroupId], capacity: 50 } });
    await as(agent.token, GO_ONLINE);
    // Around the clock (no calendar), so the clocks run whenever the test does.
    await as(admin, CREATE_SLA_POLICY, {
      input: {
        name: 'Standard',
        targets: [
          { priority: 'NORMAL', metric: 'FIRST_REPLY', minutes: 240 },
          { priority: 'NORMAL', metric: 'RESOLUTION', minutes: 1440 },
          { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30 },
          { priority: 'URGENT', metric: 'RESOLUTION', minutes: 240 },
        ],
      },
    });
    await as(agent.token, CREATE_ARTICLE, {
      input: { title: 'Getting a copy of an invoice', body: 'Open **Billing** and download any invoice as PDF.', tags: ['invoice'], status: 'PUBLISHED', audience: 'PUBLIC' },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it("an agent signs in, opens a ticket, replies, and the customer's mail arrives in the dev outbox; a note sends none", async () => {
    const requester = 'erika@customer.example';
    const ticket = await createTicket({ subject: 'Invoice copy for November', requesterEmail: requester });
    // Routing gives it to the only online member of Billing: it is in the agent's own list.
    await waitFor('the ticket assigned to the agent', async () => {
      if ((await readTicket(ticket.id)).ticket.assigneeId !== agent.userId) throw new Error('not assigned yet');
    }, 20_000);

    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, agent);
    await page.getByRole('button', { name: 'My tickets', pressed: true }).waitFor();
    await page.getByRole('link', { name: 'Invoice copy for November' }).click();
    await page.getByRole('heading', { level: 1, name: /Invoice copy for November/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/tickets/${ticket.id}`);
    await page.locator('.ticket-facts').getByText(`${agent.email} (you)`).waitFor();

    // An internal note first: it shows as such and is never mailed.
    await page.getByLabel('Message').fill('Customer is on the annual plan; check the reseller invoices.');
    await page.getByRole('button', { name: 'Add internal note' }).click();
    await page.getByRole('status').filter({ hasText: 'Internal note added' }).waitFor();
    const note = page.locator('.message-internal', { hasText: 'annual plan' });
    await note.getByText('Internal note').waitFor();

    await page.getByLabel('Message').fill('Hello Erika, the November invoice is attached to your account page.');
    await page.getByRole('button', { name: 'Send public reply' }).click();
    await page.getByRole('status').filter({ hasText: `Reply sent to ${requester}` }).waitFor();
    await page.locator('.message-public', { hasText: 'November invoice is attached' }).getByText('Public reply').waitFor();

    const mail = await awaitMail(system, admin, requester, (candidate) => candidate.text.includes('November invoice is attached'));
    expect(mail.subject).toContain(`[#${ticket.number}]`);
    expect((await outboxFor(system, admin, requester)).some((candidate) => candidate.text.includes('annual plan'))).toBe(false);
    const stored = await readTicket(ticket.id);
    expect(stored.ticket.messages).toEqual([
      { body: 'Customer is on the annual plan; check the reseller invoices.', isPublic: false },
      { body: 'Hello Erika, the November invoice is attached to your account page.', isPublic: true },
    ]);
    await saveScreenshot(page, 'ticket-view');
    await page.context().close();
  });

  it('changes status and priority, shows them on the timeline, counts SLA clocks down, and links a suggested article', async () => {
    const ticket = await createTicket({ subject: 'Invoice shows the wrong address', requesterEmail: 'jon@customer.example', priority: 'NORMAL' });
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, agent);
    await page.goto(`${system.url}/app/tickets/${ticket.id}`);
    await page.getByRole('heading', { level: 1, name: /wrong address/ }).waitFor();
    const clocks = page.getByRole('region', { name: 'SLA clocks' });
    await clocks.getByText(/Policy\s+Standard/).waitFor();
    await clocks.getByRole('listitem').filter({ hasText: 'First reply' }).getByText(/^(4 h 00 min|3 h 59 min) left$/).waitFor();

    // A move the workflow refuses is explained in the API's words.
    await page.getByLabel('Status').selectOption('CLOSED');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('alert').filter({ hasText: /cannot go from (new|open) to closed/ }).waitFor();

    await page.getByLabel('Status').selectOption('PENDING');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: 'Status changed to Pending' }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline events, newest first' });
    await timeline.getByText(/Status changed: (new|open) → pending/).waitFor();
    // Pending pauses the resolution clock (the policy's default pause rule).
    await clocks.getByRole('listitem').filter({ hasText: 'Resolution' }).getByText(/^paused · /).waitFor();

    await page.getByLabel('Priority').selectOption('URGENT');
    await page.getByRole('button', { name: 'Change priority' }).click();
    await timeline.getByText('priority: normal → urgent').waitFor();

    await page.getByRole('button', { name: 'Link “Getting a copy of an invoice” to this ticket' }).click();
    await page.getByRole('list', { name: 'Linked articles' }).getByText('Getting a copy of an invoice').waitFor();

    const stored = await readTicket(ticket.id);
    expect(stored.ticket).toMatchObject({ status: 'PENDING', priority: 'URGENT' });
    expect(stored.ticket.timeline.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(['status_changed', 'reclassified']));
    expect(stored.ticketKnowledgeLinks).toEqual([{ article: { title: 'Getting a copy of an invoice' } }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'ticket-view-phone');
    await page.context().close();
  });

  it('pages with keyset cursors through a search, keeping view and filters in a shareable URL', async () => {
    const subjects = Array.from({ length: 12 }, (_, index) => `Refund request ${String(index + 1).padStart(2, '0')}`);
    for (const subject of subjects) await createTicket({ subject, requesterEmail: 'refunds@customer.example' });

    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, agent);
    // The agent's group has its own view; the status filter goes into the URL too.
    await page.getByRole('button', { name: 'Billing queue' }).click();
    await page.getByLabel('Status').selectOption('NEW');
    await waitFor('the queue view in the URL', async () => {
      const url = new URL(page.url());
      if (url.searchParams.get('view') !== `queue:${billingGroupId}` || url.searchParams.get('status') !== 'NEW') throw new Error(url.search);
    }, 10_000);
    await page.getByLabel('Status').selectOption('');
    await page.getByRole('button', { name: 'All tickets' }).click();
    await page.getByLabel('Search').fill('refund');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Rows per page').selectOption('10');

    const table = page.getByRole('table', { name: 'Tickets' });
    const subjectsShown = () => table.getByRole('link').allTextContents();
    await shows(subjectsShown, [...subjects].reverse().slice(0, 10));
    await saveScreenshot(page, 'tickets-inbox');

    await page.getByRole('button', { name: 'Next page' }).click();
    await shows(subjectsShown, ['Refund request 02', 'Refund request 01']);
    const pageTwo = new URL(page.url());
    expect(Object.fromEntries(pageTwo.searchParams)).toMatchObject({ view: 'all', q: 'refund', size: '10' });
    expect(pageTwo.searchParams.get('after')).toBeTruthy();
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);

    // The same link in another window opens the same page; Previous goes back to the first.
    const shared = await openSharedLink(page, pageTwo.toString());
    await shows(() => shared.getByRole('table', { name: 'Tickets' }).getByRole('link').allTextContents(), ['Refund request 02', 'Refund request 01']);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await shows(subjectsShown, [...subjects].reverse().slice(0, 10));
    await page.context().close();
  });

  /** Waits until the screen shows exactly these texts (the list reloads after each step). */
  async function shows(texts: () => Promise<string[]>, expected: string[]): Promise<void> {
    let last: string[] = [];
    try {
      await waitFor('the expected rows', async () => {
        last = await texts();
        if (JSON.stringify(last) !== JSON.stringify(expected)) throw new Error('not yet');
      }, 20_000);
    } catch {
      expect(last).toEqual(expected);
    }
  }

  /** Opens a URL in a second tab of the same signed-in browser context. */
  async function openSharedLink(page: Page, url: string): Promise<Page> {
    const tab = await page.context().newPage();
    await tab.goto(url);
    return tab;
  }
});
