import type { Browser, Page } from 'playwright-core';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { waitUntil } from '../support/ticket-workflow-runs.js';

// The admin area in a real browser against the real stack: each step is driven like a person would (labels, roles),
// and checked both on screen and in what the API then holds.

describe('web console: admin screens (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;
  let admin: { token: string; email: string; password: string };
  let page: Page;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    admin = await system.signIn(['admin']);
    page = await openPage(browser);
    await signInThroughConsole(page, system.url, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const api = async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => dataOf(await system.graphql<T>(query, variables, admin.token));
  const openSection = async (name: string, heading: string) => {
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  it('creates a user with a role (a too-short password is refused beside its field), who can then sign in without being offered Admin', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/admin/users');

    const form = page.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Email', { exact: true }).fill('Sam.Support@example.com');
    await form.getByLabel('Display name').fill('Sam Support');
    await form.getByLabel('First password').fill('too short');
    await form.getByRole('checkbox', { name: 'Supervisor' }).check();
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.locator('.field-error').textContent()).resolves.toBe('password must be 12 to 200 characters long');
    await expect(form.getByLabel('First password').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.getByLabel('First password').fill('a long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').getByText('Created sam.support@example.com.').waitFor();
    await page.getByRole('cell', { name: 'sam.support@example.com', exact: true }).waitFor();
    const { users } = await api<{ users: { email: string; displayName: string; roles: string[]; active: boolean }[] }>('{ users { email displayName roles active } }');
    expect(users).toContainEqual({ email: 'sam.support@example.com', displayName: 'Sam Support', roles: ['AGENT', 'SUPERVISOR'], active: true });

    const newcomer = await openPage(browser);
    await signInThroughConsole(newcomer, system.url, { email: 'sam.support@example.com', password: 'a long enough password' });
    expect(new URL(newcomer.url()).pathname).toBe('/app/tickets');
    const offered = await newcomer.getByRole('navigation', { name: 'Console' }).getByRole('link').allTextContents();
    expect(offered).toEqual(['Tickets', 'SLA board']);
    await newcomer.context().close();

    // Deactivating the user (updateUser) shows at once in the list and in the API.
    await page.getByRole('button', { name: 'Edit sam.support@example.com' }).click();
    const edit = page.getByRole('form', { name: 'Edit sam.support@example.com' });
    await edit.getByRole('checkbox', { name: /^Active/ }).uncheck();
    await edit.getByRole('button', { name: 'Save user' }).click();
    await page.getByRole('status').getByText('Saved sam.support@example.com.').waitFor();
    await page.getByRole('row', { name: /sam\.support@example\.com/ }).getByText('Deactivated').waitFor();
    const after = await api<{ users: { email: string; active: boolean }[] }>('{ users { email active } }');
    expect(after.users.find((user) => user.email === 'sam.support@example.com')?.active).toBe(false);
  });

  it('creates a group with an online agent, and a routing rule to it that the simulator then chooses, with its reasons', async () => {
    const agent = await system.signIn(['agent']);
    await openSection('Groups and agents', 'Groups and agents');
    await page.getByLabel('Group name').fill('Billing desk');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByRole('status').getByText('Created the group Billing desk.').waitFor();
    await page.getByRole('cell', { name: 'Billing desk', exact: true }).waitFor();
    const { groups } = await api<{ groups: { id: string; name: string }[] }>('{ groups { id name } }');
    const billing = groups.find((group) => group.name === 'Billing desk');
    expect(billing).toBeDefined();

    const profile = page.getByRole('form', { name: 'Agent profile' });
    await profile.getByLabel('Agent', { exact: true }).selectOption({ label: `${agent.email} (${agent.email})` });
    await profile.getByRole('checkbox', { name: 'Billing desk' }).check();
    await profile.getByLabel('Capacity').fill('5');
    await profile.getByRole('button', { name: 'Save agent profile' }).click();
    await page.getByRole('status').getByText(`Saved the agent profile of ${agent.email}.`).waitFor();
    await page.getByLabel(`Availability of ${agent.email}`).selectOption('ONLINE');
    const agents = () => api('{ agents { userId availability capacity groups { name } } }').then((data) => data.agents);
    await waitUntil(async () => (await agents())[0]?.availability === 'ONLINE');
    expect(await agents()).toEqual([{ userId: agent.userId, availability: 'ONLINE', capacity: 5, groups: [{ name: 'Billing desk' }] }]);

    await openSection('Routing rules', 'Routing rules');
    await page.getByText('No routing rules yet').waitFor();
    const editor = page.getByRole('form', { name: 'Create a routing rule' });
    await editor.getByLabel('Rule name').fill('Invoices to billing');
    await editor.getByLabel('Keywords').fill('invoice, refund');
    await editor.getByRole('checkbox', { name: 'Email' }).check();
    await editor.getByLabel('Route to group').selectOption({ label: 'Billing desk' });
    await editor.getByLabel('Tags to add').fill('billing');
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('status').getByText('Created the rule Invoices to billing.').waitFor();
    await page.getByRole('cell', { name: 'channel email; mentions “invoice” or “refund”' }).waitFor();
    const { routingRules } = await api('{ routingRules { name active criteria { keywords channels } result { groupId tags } } }');
    expect(routingRules).toEqual([
      { name: 'Invoices to billing', active: true, criteria: { keywords: ['invoice', 'refund'], channels: ['EMAIL'] }, result: { groupId: billing!.id, tags: ['billing'] } },
    ]);

    const simulator = page.getByRole('form', { name: 'Simulated ticket' });
    await simulator.getByLabel('Subject').fill('Wrong invoice for March');
    await simulator.getByLabel('Description').fill('The invoice shows the wrong amount.');
    await simulator.getByLabel('Requester email').fill('dana@customer.example');
    await simulator.getByRole('button', { name: 'Simulate' }).click();
    const outcome = page.getByLabel('Simulation result');
    await outcome.getByText('Rule chosen: Invoices to billing').waitFor();
    expect(await outcome.textContent()).toContain('group Billing desk');
    expect(await outcome.textContent()).toContain(`Would be assigned to ${agent.email}`);
    expect(await outcome.getByRole('listitem').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'admin-routing');

    // A second rule, moved ahead of the first: the order the API then holds.
    await editor.getByLabel('Rule name').fill('VIP customers');
    await editor.getByLabel('Customer tiers').fill('vip');
    await editor.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('status').getByText('Created the rule VIP customers.').waitFor();
    await page.getByRole('button', { name: 'Move VIP customers up' }).click();
    await page.getByRole('status').getByText('Moved VIP customers up.').waitFor();
    const reordered = await api<{ routingRules: { name: string }[] }>('{ routingRules { name } }');
    expect(reordered.routingRules.map((rule) => rule.name)).toEqual(['VIP customers', 'Invoices to billing']);
  });

  it('creates a business calendar with weekly hours and a holiday, and an SLA policy counted in it', async () => {
    await openSection('SLA calendars and policies', 'SLA calendars and policies');
    const calendar = page.getByRole('form', { name: 'Create a business calendar' });
    await calendar.getByLabel('Calendar name').fill('Paris office');
    await calendar.getByLabel('Time zone').fill('Europe/Paris');
    await calendar.getByLabel('Saturday').fill('all day');
    await calendar.getByText('Write HH:MM-HH:MM ranges, separated by commas.').waitFor();
    await calendar.getByLabel('Saturday').fill('10:00-14:00');
    await calendar.getByLabel('Holidays').fill('2026-12-25 Christmas Day (every year)');
    await calendar.getByRole('button', { name: 'Create calendar' }).click();
    await page.getByRole('status').getByText('Created the calendar Paris office.').waitFor();
    const { businessCalendars } = await api('{ businessCalendars { id name timeZone intervals { day start end } holidays { date name recurring } } }');
    const paris = businessCalendars.find((candidate: { name: string }) => candidate.name === 'Paris office');
    expect(paris).toMatchObject({ timeZone: 'Europe/Paris', holidays: [{ date: '2026-12-25', name: 'Christmas Day', recurring: true }] });
    expect(paris.intervals).toHaveLength(6);
    expect(paris.intervals).toContainEqual({ day: 'SATURDAY', start: '10:00', end: '14:00' });

    const policy = page.getByRole('form', { name: 'Create an SLA policy' });
    await policy.getByLabel('Policy name').fill('Urgent in office hours');
    await policy.getByLabel('Business calendar').selectOption({ label: 'Paris office' });
    await policy.getByRole('checkbox', { name: 'Urgent' }).check();
    await policy.getByLabel('First reply minutes for urgent priority').fill('30');
    await policy.getByLabel('Resolution minutes for urgent priority').fill('480');
    await policy.getByRole('button', { name: 'Create policy' }).click();
    await page.getByRole('status').getByText('Created the policy Urgent in office hours.').waitFor();
    await page.getByRole('cell', { name: 'Urgent in office hours', exact: true }).waitFor();
    const { slaPolicies } = await api('{ slaPolicies { name calendarId conditions { priorities } targets { priority metric minutes businessHours } } }');
    expect(slaPolicies.find((candidate: { name: string }) => candidate.name === 'Urgent in office hours')).toEqual({
      name: 'Urgent in office hours',
      calendarId: paris.id,
      conditions: { priorities: ['URGENT'] },
      targets: [
        { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30, businessHours: true },
        { priority: 'URGENT', metric: 'RESOLUTION', minutes: 480, businessHours: true },
      ],
    });
    await saveScreenshot(page, 'admin-sla');
  });

  it('edits an email template beside a preview filled with example values', async () => {
    await openSection('Email templates', 'Email templates');
    await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Acknowledgment' });
    const editor = page.getByRole('form', { name: /Acknowledgment/ });
    await editor.getByRole('textbox', { name: 'Subject' }).fill('Got it: {{ticket.subject}} (#{{ticket.number}})');
    await expect(page.getByTestId('preview-subject').textContent()).resolves.toBe('Got it: Cannot download my invoice (#1042)');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').getByText('Saved the Acknowledgment template.').waitFor();
    const { emailTemplates } = await api<{ emailTemplates: { key: string; subject: string; customized: boolean }[] }>('{ emailTemplates { key subject customized } }');
    expect(emailTemplates.find((template) => template.key === 'ACKNOWLEDGMENT')).toEqual({
      key: 'ACKNOWLEDGMENT',
      subject: 'Got it: {{ticket.subject}} (#{{ticket.number}})',
      customized: true,
    });
  });

  it('writes a knowledge article with a live preview of its Markdown, and finds it again', async () => {
    await openSection('Knowledge articles', 'Knowledge articles');
    await page.getByRole('button', { name: 'New article' }).click();
    const editor = page.getByRole('form', { name: 'New article' });
    await editor.getByLabel('Title').fill('Reset a VPN password');
    await editor.getByLabel('Body (Markdown)').fill('# Before you start\n\nOpen **Settings** and choose _Security_.\n\n1. Click `Reset`\n2. Check your mail');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Before you start' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('Settings');
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(['Click Reset', 'Check your mail']);
    await editor.getByLabel('Tags').fill('vpn, Password');
    await editor.getByLabel('Status').selectOption('PUBLISHED');
    await editor.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('status').getByText('Created “Reset a VPN password”.').waitFor();
    await page.getByRole('heading', { name: 'Edit “Reset a VPN password” (version 1)' }).waitFor();
    await saveScreenshot(page, 'admin-knowledge');

    const [row] = await system.dataSource.query("SELECT id FROM knowledge_articles WHERE title = 'Reset a VPN password'");
    const { knowledgeArticle } = await api('query($id: ID!) { knowledgeArticle(id: $id) { title tags status audience body } }', { id: row.id });
    expect(knowledgeArticle).toMatchObject({ title: 'Reset a VPN password', tags: ['vpn', 'password'], status: 'PUBLISHED', audience: 'INTERNAL' });
    expect(knowledgeArticle.body).toContain('Open **Settings**');

    await page.getByRole('searchbox', { name: 'Find articles' }).fill('vpn');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('list', { name: 'Search results' }).getByRole('button', { name: 'Reset a VPN password' }).waitFor();
  });

  it('keeps the sections reachable by keyboard, and readable on a phone', async () => {
    const phone = await openPage(browser, 'phone');
    await signInThroughConsole(phone, system.url, admin);
    await phone.goto(`${system.url}/app/admin/users`);
    await phone.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    const sections = phone.getByRole('navigation', { name: 'Admin sections' });
    await sections.getByRole('link', { name: 'Users and roles' }).focus();
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Enter');
    await phone.getByRole('heading', { level: 1, name: 'Groups and agents' }).waitFor();
    expect(await sections.getByRole('link', { name: 'Groups and agents' }).getAttribute('aria-current')).toBe('page');
    await saveScreenshot(phone, 'admin-phone');
    await phone.context().close();
  });
});
