import type { Browser } from 'playwright-core';
import { consoleConfig, launchBrowser, openPage, saveScreenshot, signInThroughConsole } from '../support/browser.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('web console: sign-in and role-aware navigation (real browser)', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    [system, browser] = await Promise.all([startTestSystem(consoleConfig()), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('serves the console from the API: / leads to the sign-in page', async () => {
    const page = await openPage(browser);
    await page.goto(system.url);
    await page.getByRole('heading', { name: 'Sign in to the help desk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await saveScreenshot(page, 'login');
    await page.context().close();
  });

  it('refuses a wrong password with the API message and stays signed out', async () => {
    const { email } = await system.signIn(['agent']);
    const page = await openPage(browser);
    await page.goto(`${system.url}/app/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/password/i);
    expect(new URL(page.url()).pathname).toBe('/app/login');
    await page.context().close();
  });

  it('offers an agent only the ticket screens; an admin area is refused on screen and by the API', async () => {
    const agent = await system.signIn(['agent']);
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, agent);
    expect(new URL(page.url()).pathname).toBe('/app/tickets');
    const navigation = page.getByRole('navigation', { name: 'Console' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Tickets']);

    await page.goto(`${system.url}/app/admin`);
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    const refused = await system.graphql('{ users { id } }', {}, agent.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.context().close();
  });

  it('offers an admin every area, and signing out returns to the sign-in page', async () => {
    const admin = await system.signIn(['admin']);
    const page = await openPage(browser);
    await signInThroughConsole(page, system.url, admin);
    const navigation = page.getByRole('navigation', { name: 'Console' });
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['Tickets', 'SLA board', 'Rollouts', 'Migrations', 'Admin']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the help desk' }).waitFor();
    await page.goto(`${system.url}/app/board`);
    await page.getByRole('heading', { name: 'Sign in to the help desk' }).waitFor();
    await page.context().close();
  });

  it('answers a clear error, not a blank page, for a missing built file', async () => {
    const response = await fetch(`${system.url}/app/assets/no-such-file.js`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const traversal = await fetch(`${system.url}/app/..%2F..%2Fpackage.json`);
    expect(await traversal.text()).not.toContain('"dependencies"');
  });
});
