/**
 * People and notices in a real browser: an admin invites (a refusal shown by its field), edits and
 * disables people; the development sign-in lists the directory's people; a reviewer reads what they
 * will be told and turns replies off; a notice delivered through DynamoDB Local's stream is read in
 * MailDev's own web UI. axe-core on every page of the app, screenshots at 1280 and 360 px
 * (test-results/screenshots/7x-*).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople } from '../../functions/local/seed';
import { importDocument } from '../../shared/usecases/documents';
import type { Actor } from '../../shared/workflow';
import { startNotices, type TestNotices } from '../support/notices';
import { readSeed } from '../support/seeds';
import { SCREENSHOT_DIR, axeLog, expectAccessible, horizontalOverflow, launchBrowser, newContext, signIn, startWebServer, type WebServer } from './support';

const DIR = SCREENSHOT_DIR;
const ADMIN: Actor = { sub: 'adm', name: 'Admin', roles: ['admin'] };
let server: WebServer;
let browser: Browser;
let notices: TestNotices;
let admin: BrowserContext;
let reviewer: BrowserContext;
let adm: Page;
let rev: Page;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(DIR, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await horizontalOverflow(page), `${name} at 360 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(DIR, `${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  [server, browser] = await Promise.all([startWebServer('web-people'), launchBrowser()]);
  await seedPeople(server.deps.directory);
  notices = await startNotices(server);
  [admin, reviewer] = (await Promise.all([0, 1].map(() => newContext(browser, server.url)))) as [BrowserContext, BrowserContext];
  adm = await admin.newPage();
  rev = await reviewer.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await notices?.stop();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

describe('the people pages', () => {
  it('lists the directory, refuses an invitation by its field, invites, edits and disables', async () => {
    await signIn(adm, 'Administrator');
    await adm.getByRole('link', { name: 'People', exact: true }).click();
    await expect.poll(() => adm.locator('h1').textContent()).toBe('People');
    expect(await adm.getByRole('region', { name: 'Everyone in the directory, by name' }).locator('tbody tr').count()).toBe(4);
    await expectAccessible(adm, 'people');
    await shoot(adm, '70-people');

    // A rapporteur without a country: refused, what was typed kept, the message by the field.
    await adm.getByLabel('Email', { exact: true }).fill('rapporteur@al.test');
    await adm.getByLabel('Name', { exact: true }).fill('Rapporteur of Albania');
    await adm.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => adm.locator('#error-summary').textContent()).toContain('Country: required for a rapporteur');
    expect(await adm.getByLabel('Email', { exact: true }).inputValue()).toBe('rapporteur@al.test');
    await expectAccessible(adm, 'people (refused invitation)');
    await shoot(adm, '71-people-invite-refused');

    await adm.getByLabel('Country', { exact: true }).selectOption('AL');
    await adm.getByRole('button', { name: 'Invite' }).click();
    await expect.poll(() => adm.locator('#flash').textContent()).toContain('invited');
    await adm.locator('tbody a', { hasText: 'Rapporteur of Albania' }).click();
    await expect.poll(() => adm.locator('h1').textContent()).toBe('Rapporteur of Albania');
    await adm.getByLabel('Name', { exact: true }).fill('Rapporteur of Albania (ministry)');
    await adm.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => adm.locator('h1').textContent()).toBe('Rapporteur of Albania (ministry)');
    await expectAccessible(adm, 'one person');
    await shoot(adm, '72-person');
  });

  it('lists the directory on the development sign-in, without disabled people', async () => {
    await rev.goto('/dev/sign-in');
    await expect.poll(() => rev.getByRole('button', { name: 'Sign in as Rapporteur of Albania (ministry)' }).count()).toBe(1);
    await adm.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => adm.locator('#flash').textContent()).toContain('disabled');
    await rev.goto('/dev/sign-in');
    expect(await rev.getByRole('button', { name: 'Sign in as Rapporteur of Albania (ministry)' }).count()).toBe(0);
  });
});

describe('my notices', () => {
  it('shows a reviewer what they will be told and turns replies off; mandatory notices stay', async () => {
    await signIn(rev, 'Reviewer of the Secretariat');
    await rev.getByRole('link', { name: 'Reviewer of the Secretariat' }).click();
    await expect.poll(() => rev.locator('h1').textContent()).toBe('My notices');
    const replies = rev.getByRole('checkbox', { name: /Reply on a returned section/ });
    expect(await replies.isChecked()).toBe(true);
    expect(await rev.locator('main').textContent()).toContain('(always sent)');
    await expectAccessible(rev, 'my notices');
    await shoot(rev, '73-my-notices');
    await replies.uncheck();
    await rev.getByRole('button', { name: 'Save my choices' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('saved');
    expect(await rev.getByRole('checkbox', { name: /Reply on a returned section/ }).isChecked()).toBe(false);
    expect((await server.deps.directory.get('demo-reviewer'))!.preferences.replies).toBe(false);
  });
});

describe('a received mail', () => {
  it('is in MailDev, sent through the stream when a report is submitted', async () => {
    await importDocument(server.deps, ADMIN, { cycle: '2014', country: 'ME' }, readSeed('montenegro-2014.txt'), { submit: true, source: 'montenegro-2014.txt' });
    await notices.settled();
    const mails = await notices.to('reviewer@demo.alliance-reporting.local');
    expect(mails.map((m) => m.subject)).toEqual(['2014 report of Montenegro submitted']);
    const page = await reviewer.newPage();
    await page.goto(notices.mail.webUrl);
    await page.getByText('2014 report of Montenegro submitted').first().click();
    await expect.poll(async () => (await page.content()).includes('Open the page') || (await Promise.all(page.frames().map((f) => f.content().catch(() => '')))).some((t) => t.includes('Open the page'))).toBe(true);
    await page.screenshot({ path: join(DIR, '74-maildev-received-mail-1280.png') });
  });

  it('shows the admin the outbox with its delivery status', async () => {
    await adm.goto('/admin/notifications');
    await expect.poll(() => adm.locator('h1').textContent()).toBe('Notifications');
    expect(await adm.locator('tbody tr').first().textContent()).toContain('sent');
    await expectAccessible(adm, 'notifications');
    await shoot(adm, '75-notifications');
  });
});
