import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AppConfig } from '../../libs/config/app-config.js';

/** Where the browser specs write their screenshots (ignored by git) for a person to look at. */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'screenshots');

/** Generous for 2 busy cores, far below the test's own limit: a step that needs longer is a failure worth seeing. */
const STEP_TIMEOUT_MS = 20_000;

/** The installed Chromium: CHROMIUM_PATH, else Debian's `chromium` (scripts/setup-browser.sh installs it). */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No Chromium: install Debian\'s chromium package (bash scripts/setup-browser.sh) or set CHROMIUM_PATH');
  }
}

/** Headless Chromium (no sandbox: the tests may run as root, which Chromium's sandbox refuses). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The test system's settings that serve the built console (WEB_DIST_DIR, as `npm test` builds it). */
export function consoleConfig(): Partial<AppConfig> {
  return { webDistDir: process.env.WEB_DIST_DIR || 'dist/web' };
}

/** A fresh page (own cookies and storage) in a desktop or phone-sized window. */
export async function openPage(browser: Browser, viewport: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const context = await browser.newContext(
    viewport === 'phone' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** Signs in through the console's login form, as a person would, and waits for the signed-in frame. */
export async function signInThroughConsole(page: Page, baseUrl: string, credentials: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Writes test-output/screenshots/<name>.png (the whole page). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
