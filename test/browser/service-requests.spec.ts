import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The service catalog end to end in a real browser against the real stack: a customer requests an item from the portal
// on a phone, its approver approves it in the console, the fulfilment task shows up there and, once an agent has done
// it, the request is solved. Then an incident linked to a problem, from both ends.

const CREATE_GROUP = 'mutation($name: String!) { createGroup(input: { name: $name }) { id } }';
const CREATE_SERVICE = 'mutation($input: ServiceInput!) { createService(input: $input) { id } }';
const CREATE_ITEM = 'mutation($input: ServiceRequestItemInput!) { createServiceRequestItem(input: $input) { id } }';
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const READ_REQUEST = `query($id: ID!) { ticket(id: $id) {
  status requestValues { name value } approval { state decidedBy } fulfilmentTasks { id number status assigneeId } } }`;
const READ_INCIDENT = 'query($id: ID!) { ticket(id: $id) { problem { id } } }';

type User = Awaited<ReturnType<TestSystem['signIn']>>;

describe('service requests and problems in the portal and console (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let admin: string;
  let approver: User;
  let fulfiller: User;

  const as = async (token: string, query: string, variables: Record<string, unknown> = {}) => dataOf(await system.graphql(query, variables, token));
  /** The console's ticket view asks the API again when the person comes back to the tab (a string: no DOM types here). */
  const comeBackToTab = (page: Page) => page.evaluate('window.dispatchEvent(new Event("focus"))');

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    ({ token: admin } = await system.signIn(['admin']));
    approver = await system.signIn(['agent']);
    fulfiller = await system.signIn(['agent']);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('a customer requests a laptop on a phone, its approver approves in the console, and it is solved once its task is done', async () => {
    const groupId = (await as(admin, CREATE_GROUP, { name: 'Workplace' })).createGroup.id;
    const serviceId = (
      await as(admin, CREATE_SERVICE, { input: { name: 'Workplace equipment', description: 'Laptops, phones and screens.', ownerGroupId: groupId } })
    ).createService.id;
    await as(admin, CREATE_ITEM, {
      input: {
        serviceId,
        name: 'New laptop',
        description: 'A laptop of the standard range, set up for you.',
        formFields: [
          { name: 'model', label: 'Model', kind: 'CHOICE', required: true, choices: ['13 inch', '15 inch'] },
          { name: 'reason', label: 'Why you need it', kind: 'TEXT', required: true },
        ],
        approval: { approverUserId: approver.userId, escalateAfterMinutes: 240 },
        fulfilmentTasks: [{ title: 'Order the laptop', description: 'From the usual supplier.', assigneeId: fulfiller.userId }],
      },
    });

    // The customer, on a phone: from the portal's front page to the item's form.
    const phone = await openPage(browser, 'phone');
    await phone.goto(`${system.url}/portal`);
    await phone.getByRole('link', { name: 'Request a service' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Request a service' }).waitFor();
    await phone.getByRole('heading', { level: 2, name: 'Workplace equipment' }).waitFor();
    await saveScreenshot(phone, 'portal-service-catalog-phone');
    await phone.getByRole('link', { name: 'New laptop' }).click();
    await phone.getByRole('heading', { level: 1, name: 'New laptop' }).waitFor();

    // The required text left empty: the API's message beside it, nothing opened.
    await phone.getByLabel('Your name').fill('Grace Hopper');
    await phone.getByLabel('Your email').fill('grace@customer.example');
    await phone.getByLabel('Model (required)').selectOption('15 inch');
    await phone.getByRole('button', { name: 'Send request' }).click();
    const reason = phone.getByLabel('Why you need it (required)');
    await phone.locator('.form-field', { has: reason }).getByText('Why you need it is required.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getByLabel('Model (required)').getAttribute('aria-invalid')).toBeNull();
    await saveScreenshot(phone, 'portal-service-request-errors-phone');
    expect(await system.dataSource.query(`SELECT id FROM tickets WHERE requester_email = 'grace@customer.example'`)).toEqual([]);

    await reason.fill('My current one is six years old.');
    await phone.getByRole('button', { name: 'Send request' }).click();
    await phone.getByText('We mailed a link to follow it to grace@customer.example').waitFor();
    await saveScreenshot(phone, 'portal-service-request-sent-phone');
    await phone.context().close();

    const [request] = await system.dataSource.query(`SELECT id, number, type FROM tickets WHERE requester_email = 'grace@customer.example'`);
    expect(request.type).toBe('service_request');
    expect((await as(admin, READ_REQUEST, { id: request.id })).ticket.requestValues).toEqual([
      { name: 'model', value: '15 inch' },
      { name: 'reason', value: 'My current one is six years old.' },
    ]);

    // Another agent sees where the approval stands, but is offered no decision.
    const bystander = await openPage(browser);
    await signInThroughConsole(bystander, system.url, fulfiller);
    await bystander.goto(`${system.url}/app/tickets/${request.id}`);
    const bystanderPanel = bystander.getByRole('region', { name: 'Service request' });
    await bystanderPanel.getByText('Waiting for approval').waitFor();
    expect(await bystanderPanel.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await bystander.context().close();

    // The approver opens the request: what was asked, and the decision is theirs.
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, approver);
    await page.goto(`${system.url}/app/tickets/${request.id}`);
    await page.getByRole('heading', { level: 1, name: /Workplace equipment|New laptop/ }).waitFor();
    const panel = page.getByRole('region', { name: 'Service request' });
    await panel.getByText('Workplace equipment').waitFor();
    const values = panel.locator('[aria-label="Submitted values"]');
    await values.getByText('15 inch').waitFor();
    await values.getByText('My current one is six years old.').waitFor();
    await panel.getByText('approver: you').waitFor();
    await panel.getByText('Waiting for approval').waitFor();
    await panel.getByRole('listitem').filter({ hasText: 'Order the laptop · not started yet' }).waitFor();
    await saveScreenshot(page, 'ticket-service-request-pending');

    await panel.getByLabel('Reason').fill('Due for a new one.');
    await panel.getByRole('button', { name: 'Approve' }).click();
    await panel.getByText('Approved', { exact: true }).waitFor();
    await panel.getByText(/Decided by you .*: “Due for a new one\.”/).waitFor();
    expect(await panel.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The task starts moments later: the panel shows it, linked, with its assignee.
    const tasks = panel.getByRole('list', { name: 'Fulfilment tasks' });
    const taskLink = tasks.getByRole('link', { name: /Order the laptop/ });
    await taskLink.waitFor();
    // The task ticket exists before its own workflow has assigned it: read it back once the panel shows the assignee.
    await tasks.getByText(fulfiller.email).waitFor();
    const stored = (await as(admin, READ_REQUEST, { id: request.id })).ticket;
    expect(stored.approval).toEqual({ state: 'APPROVED', decidedBy: approver.userId });
    const [task] = stored.fulfilmentTasks;
    expect(task.assigneeId).toBe(fulfiller.userId);
    expect(await taskLink.getAttribute('href')).toBe(`/app/tickets/${task.id}`);
    await saveScreenshot(page, 'ticket-service-request-approved');

    // The agent does the task (through the API); the request is solved with it.
    await as(fulfiller.token, CHANGE_STATUS, { input: { ticketId: task.id, status: 'SOLVED' } });
    await waitFor('the request solved', async () => {
      const { status } = (await as(admin, READ_REQUEST, { id: request.id })).ticket;
      if (status !== 'SOLVED') throw new Error(`still ${status}`);
    }, 30_000, 200);
    await comeBackToTab(page);
    await page.locator('.ticket-facts').getByText('Solved', { exact: true }).waitFor();
    await tasks.getByRole('listitem').filter({ hasText: 'Order the laptop' }).getByText('Solved', { exact: true }).waitFor();
    await saveScreenshot(page, 'ticket-service-request-solved');

    // The task links back to the request it fulfils.
    await taskLink.click();
    await page.getByRole('heading', { level: 1, name: /Order the laptop/ }).waitFor();
    const fulfils = page.getByRole('region', { name: 'Fulfils' });
    await fulfils.getByRole('link', { name: `#${request.number}` }).click();
    expect(new URL(page.url()).pathname).toBe(`/app/tickets/${request.id}`);
    await page.context().close();
  });

  it('an agent links an incident to a problem from the incident, sees it on the problem, and unlinks it', async () => {
    const create = async (type: string, subject: string) =>
      (await as(approver.token, CREATE_TICKET, { input: { type, subject, description: 'Details below.', channel: 'EMAIL', requesterEmail: 'ops@customer.example' } }))
        .createTicket;
    const problem = await create('PROBLEM', 'Mail server certificate expired');
    const incident = await create('INCIDENT', 'Outlook says the connection is not secure');

    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, approver);
    await page.goto(`${system.url}/app/tickets/${incident.id}`);
    const panel = page.getByRole('region', { name: 'Problem' });
    await panel.getByLabel('Link to problem').selectOption({ label: `#${problem.number} Mail server certificate expired` });
    await panel.getByRole('button', { name: 'Link', exact: true }).click();
    await panel.getByRole('link', { name: `#${problem.number} Mail server certificate expired` }).waitFor();
    expect((await as(admin, READ_INCIDENT, { id: incident.id })).ticket.problem).toEqual({ id: problem.id });

    await panel.getByRole('link', { name: `#${problem.number} Mail server certificate expired` }).click();
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await incidents.getByText(/1\s+linked · 0\s+repeated/).waitFor();
    await incidents.getByRole('list', { name: 'Linked incidents' }).getByRole('link', { name: /Outlook says the connection/ }).waitFor();
    await saveScreenshot(page, 'ticket-problem-incidents');

    await incidents.getByRole('link', { name: /Outlook says the connection/ }).click();
    await page.getByRole('region', { name: 'Problem' }).getByRole('button', { name: 'Unlink from this problem' }).click();
    await page.getByRole('region', { name: 'Problem' }).getByLabel('Link to problem').waitFor();
    expect((await as(admin, READ_INCIDENT, { id: incident.id })).ticket.problem).toBeNull();
    await page.context().close();
  });
});
