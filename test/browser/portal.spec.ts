import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { consoleConfig, launchBrowser, openPage, saveScreenshot } from '../support/browser.js';
import { awaitMail } from '../support/dev-outbox.js';
import { requestPathIn } from '../support/portal-links.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The customer portal in a phone-sized browser against the real stack: no login anywhere; the request's page is
// reached only through the link its acknowledgment mails.

const CREATE_ARTICLE = `mutation($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id } }`;
const AGENT_REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';

describe('customer portal (real browser, phone)', () => {
  let system: TestSystem;
  let browser: Browser;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function graphql(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
    const { data, errors } = await system.graphql(query, variables, token);
    expect(errors).toBeUndefined();
    return data;
  }

  /** The status line of the request's page (a live region: the status and what happens next). */
  const statusOf = (page: Page) => page.getByRole('status').filter({ has: page.locator('.badge') });

  it('a customer submits the portal form and sees the status change when the agent solves it', async () => {
    const page = await openPage(browser, 'phone');
    await page.goto(`${system.url}/portal`);
    await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();

    // The API's own messages, each beside its field; nothing is opened.
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Your email').fill('not-an-address');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('email must be an email address').waitFor();
    expect(await page.getByLabel('Your email').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('subject must be 1 to').waitFor();
    await page.getByText('description must be 1 to').waitFor();
    await saveScreenshot(page, 'portal-form-errors-phone');

    await page.getByLabel('Your email').fill('ada.portal@example.com');
    await page.getByLabel('Subject').fill('My laptop will not start');
    await page.getByLabel('Describe your request').fill('The screen stays black after the logo.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('We mailed a link to follow it to ada.portal@example.com').waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('');
    await saveScreenshot(page, 'portal-home-phone');

    const [ticket] = await system.dataSource.query(`SELECT id, number, channel FROM tickets WHERE requester_email = 'ada.portal@example.com'`);
    expect(ticket.channel).toBe('web');
    const acknowledgment = await awaitMail(system, admin, 'ada.portal@example.com', (mail) => mail.subject.startsWith('We received'));

    // The mailed link (its host is PUBLIC_URL's; the path is what the portal routes on).
    await page.goto(`${system.url}${requestPathIn(acknowledgment)}`);
    await page.getByRole('heading', { level: 1, name: 'My laptop will not start' }).waitFor();
    await page.getByText(`Request #${ticket.number}`).waitFor();
    expect(await statusOf(page).locator('.badge').textContent()).toMatch(/^(New|Open)$/);
    await page.getByText('The screen stays black after the logo.').waitFor();

    await graphql(AGENT_REPLY, { input: { ticketId: ticket.id, body: 'Hold the power button for 10 seconds.', public: true } }, agent);
    await graphql(AGENT_REPLY, { input: { ticketId: ticket.id, body: 'INTERNAL: probably the battery.', public: false } }, agent);
    await graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status: 'SOLVED' } }, agent);
    // No reload: the page refreshes itself every 10 s (and when the customer comes back to the tab).
    await statusOf(page).getByText('Solved', { exact: true }).waitFor({ timeout: 25_000 });
    await page.getByText('Hold the power button for 10 seconds.').waitFor();
    expect(await page.getByText('INTERNAL: probably the battery.').count()).toBe(0);

    // Answering a solved request reopens it, as a mailed reply would.
    await page.getByLabel('Your reply').fill('Did not help, still black.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply was sent.').waitFor();
    await page.locator('.portal-message-customer').getByText('Did not help, still black.').waitFor();
    const stored = await system.dataSource.query(`SELECT author_type FROM ticket_messages WHERE ticket_id = $1 AND body = 'Did not help, still black.'`, [ticket.id]);
    expect(stored).toEqual([{ author_type: 'customer' }]);
    await waitFor('the ticket to reopen', async () => {
      const [{ status }] = await system.dataSource.query('SELECT status FROM tickets WHERE id = $1', [ticket.id]);
      if (status !== 'open') throw new Error(`still ${status}`);
    }, 20_000, 100);
    // The customer comes back to the tab: the page asks again at once (a string: this file has no DOM types).
    await page.evaluate('window.dispatchEvent(new Event("focus"))');
    await statusOf(page).getByText('Open', { exact: true }).waitFor();
    await saveScreenshot(page, 'portal-request-phone');
    await page.context().close();
  });

  it('finds a public article, opens it (the click is counted) and comes back to the results; a bad link is refused', async () => {
    const { createKnowledgeArticle: article } = await graphql(
      CREATE_ARTICLE,
      {
        input: {
          title: 'Reset your password',
          body: '## Steps\n- Open the sign-in page\n- Choose "Forgot password"\n\nThe mail arrives within a minute.',
          tags: ['account'],
          status: 'PUBLISHED',
          audience: 'PUBLIC',
        },
      },
      agent,
    );
    const page = await openPage(browser, 'phone');
    await page.goto(`${system.url}/portal`);
    await page.getByLabel('Search articles').fill('password');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 article found.').waitFor();
    await saveScreenshot(page, 'portal-search-phone');
    await page.getByRole('link', { name: 'Reset your password' }).click();

    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Steps' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Choose "Forgot password"' }).count()).toBe(1);
    await saveScreenshot(page, 'portal-article-phone');
    const clicked = await waitFor('the click to be recorded', async () => {
      const rows = await system.dataSource.query(`SELECT clicked_article_id FROM knowledge_searches WHERE query = 'password' AND clicked_at IS NOT NULL`);
      if (rows.length === 0) throw new Error('no click yet');
      return rows;
    }, 20_000, 100);
    expect(clicked).toEqual([{ clicked_article_id: article.id }]);

    await page.getByRole('link', { name: 'Back to the search results' }).click();
    await page.getByText('1 article found.').waitFor();
    expect(await page.getByLabel('Search articles').inputValue()).toBe('password');

    await page.goto(`${system.url}/portal/requests/not-a-real-token`);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    await page.getByRole('alert').getByText('This link to a request is not valid.').waitFor();
    await page.context().close();
  });
});
