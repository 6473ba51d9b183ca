/**
 * Browser test support: the real local server (API + web app with the development sign-in) over
 * DynamoDB Local and the local S3 server of the global setup, one fresh table per test file;
 * Chromium driven by playwright-core; axe-core at WCAG 2.1 AA on every page a test visits.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppDepsWithAttachments } from '../../functions/attachment-deps';
import { serveApi, type RunningApi } from '../../functions/local/api';
import type { DevIssuer } from '../../functions/local/dev-issuer';
import { createTestDeps } from '../support/deps';

/** Where the screenshots of the main pages go (test-results/ is gitignored). */
export const SCREENSHOT_DIR = join('test-results', 'screenshots');
/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The accessibility standard every page must meet. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface WebServer extends RunningApi {
  /** The server's own dependencies: tests arrange state through the use cases with them. */
  deps: AppDepsWithAttachments;
  tableName: string;
  /** The server's development issuer: tests sign tokens with it (an expired session, for one). */
  issuer: DevIssuer;
}

/** The local composition (API + web) on a free loopback port, with the development sign-in on. */
export async function startWebServer(prefix: string): Promise<WebServer> {
  const { deps, issuer, tableName } = await createTestDeps(prefix);
  const server = await serveApi(deps, { port: 0, web: { devSignIn: issuer } });
  return { ...server, deps, tableName, issuer };
}

/** Launches Chromium, or fails with how to install it (the browser tests never skip). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: the browser tests need it. Install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function newContext(browser: Browser, baseURL: string, options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(10_000);
  return context;
}

/** Runs axe-core on the page as it is now and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(violations, `axe-core violations on ${label} (${page.url()})`).toEqual([]);
  axeLog.push({ label, url: new URL(page.url()).pathname, passes: results.passes.length, violations: results.violations.length });
}

/** Every axe run of the file, for the summary printed at the end. */
export const axeLog: Array<{ label: string; url: string; passes: number; violations: number }> = [];

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs in through the development sign-in page as one of its demo users. */
export async function signIn(page: Page, userName: string): Promise<void> {
  await page.goto('/sign-in');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/dev/sign-in');
  await page.getByRole('button', { name: `Sign in as ${userName}` }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** The page's width overflow in CSS pixels (0 when nothing sticks out sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
