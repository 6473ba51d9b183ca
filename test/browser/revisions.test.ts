/**
 * What changed and corrections, in Chromium with axe-core: a reviewer meets a revised section with
 * the changes since the review inline (marked by underline and strike-through, and named in words
 * for screen readers) on the report and section pages and a mark on the dashboard, opens the
 * section's revisions; an admin reopens a published report and a section with a reason; the public
 * keeps reading publication 1 with a notice that a correction is in progress. Screenshots of the
 * inline diff at 1280 and 360 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../shared/usecases/documents';
import { approveReport, approveSection, getSection, publishReport, saveSection, submitReport } from '../../shared/usecases/reports';
import { sendReview } from '../../shared/usecases/reviews';
import { sectionEtag, type Actor } from '../../shared/workflow';
import { readSeed } from '../support/seeds';
import { axeLog, expectAccessible, horizontalOverflow, launchBrowser, newContext, screenshot, signIn, startWebServer, type WebServer } from './support';

const ADMIN: Actor = { sub: 'seed-admin', name: 'Seeding admin', roles: ['admin'] };
const REVIEWER: Actor = { sub: 'seed-rev', name: 'Seeding reviewer', roles: ['reviewer'] };
const RAPPORTEUR: Actor = { sub: 'seed-rap', name: 'Rapporteur of Montenegro', roles: ['rapporteur'], country: 'ME' };
const ME = { cycle: '2014', country: 'ME' };
const ADDED = 'The action plan was adopted in March 2015.';

let server: WebServer;
let browser: Browser;
let staff: BrowserContext;
let page: Page;
let before: string;
let removed: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-revisions'), launchBrowser()]);
  const { deps } = server;
  await importDocument(deps, ADMIN, ME, readSeed('montenegro-2014.txt'), { submit: true, source: 'montenegro-2014.txt' });
  const sections = (await getSection(deps, ADMIN, { ...ME, section: '1.1.A' })).report.sections;
  await sendReview(deps, REVIEWER, ME, {
    decisions: sections.map((s) => (s.id === '1.1.A' ? { section: s.id, verdict: 'return' as const, comment: 'Was the action plan adopted?' } : { section: s.id, verdict: 'approve' as const })),
  });
  // The country revises 1.1.A: one word replaced, one sentence added; then submits again.
  const { state } = await getSection(deps, RAPPORTEUR, { ...ME, section: '1.1.A' });
  before = state.text;
  removed = /\b[A-Za-z]{7,}\b/.exec(before)![0];
  const revised = `${before.replace(removed, 'replacement')}\n\n${ADDED}`;
  await saveSection(deps, RAPPORTEUR, { ...ME, section: '1.1.A', text: revised, nothingToReport: false, ifMatch: sectionEtag('2014', 'ME', state) });
  await submitReport(deps, RAPPORTEUR, ME);
  staff = await newContext(browser, server.url);
  page = await staff.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

const article = (p: Page, section: string) => p.locator(`#section-${section.replaceAll('.', '-').toLowerCase()}`);

describe('what changed since the review', () => {
  it('shows the reviewer the changes inline on the report page, marked by more than colour', async () => {
    await signIn(page, 'Reviewer of the Secretariat');
    await page.goto('/reports/2014/ME');
    const changes = article(page, '1.1.A').locator('.changes');
    expect(await changes.locator('h5').textContent()).toBe('Changed since the review');
    expect(await changes.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(ADDED), '[inserted: replacement]']));
    expect(await changes.locator('del').allTextContents()).toContain(`[deleted: ${removed}]`);
    // The labels are for screen readers; sighted readers see underline and strike-through.
    const style = await changes.locator('ins').first().evaluate((el) => [getComputedStyle(el).textDecorationLine, getComputedStyle(el.querySelector('.visually-hidden')!).position]);
    expect(style).toEqual(['underline', 'absolute']);
    expect(await changes.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    expect(await changes.textContent()).toMatch(/Version \d+ \(reviewed\) → version \d+ \(now\)\. 9 words inserted, 1 word deleted\./);
    // No other section changed.
    expect(await page.locator('.changes').count()).toBe(1);
    await expectAccessible(page, 'report with a changed section');
    await article(page, '1.1.A').scrollIntoViewIfNeeded();
    await article(page, '1.1.A').screenshot({ path: 'test-results/screenshots/50-diff-1280.png' });
  });

  it('marks the changed section on the dashboard, and opens its revisions from the section page', async () => {
    await page.goto('/reports/2014');
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Montenegro' }) });
    expect(await row.locator('th').textContent()).toContain('1 section changed since your review');
    expect(await row.locator('td[data-section="section-1-1-a"] .visually-hidden').allTextContents()).toEqual(['Montenegro 1.1.A: submitted', ', changed since the review']);
    expect(await row.locator('td[data-section="section-1-1-b"]').textContent()).not.toContain('changed');

    await page.goto('/reports/2014/ME/sections/1.1.A');
    expect(await page.locator('.changes h3').textContent()).toBe('Changed since the review');
    await page.getByRole('link', { name: 'Revisions of section 1.1.A' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('Revisions of section 1.1.A');
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    const [latest, first] = rows.map((r) => Number(/Version (\d+)/.exec(r)![1]));
    expect(rows[0]).toContain('Rapporteur of Montenegro');
    expect(rows[0]).toContain('saved while revised after a return');
    expect(rows[1]).toContain('Reviewed');
    await expectAccessible(page, 'revisions of a section');
    await page.getByRole('link', { name: `Version ${latest}` }).click();
    expect(await page.locator('h1').textContent()).toBe(`Section 1.1.A, version ${latest}`);
    expect(await page.locator('.revision-text').textContent()).toContain(ADDED);
    expect(await page.locator('#previous-heading').textContent()).toBe(`Changes from version ${first}`);
    expect(await page.locator('.diff ins').allTextContents()).toContain('[inserted: replacement]');
    await expectAccessible(page, 'one revision');
  });

  it('fits the diff into a phone screen (360 px)', async () => {
    const phone = await newContext(browser, server.url, { width: 360 });
    const small = await phone.newPage();
    await signIn(small, 'Reviewer of the Secretariat');
    await small.goto('/reports/2014/ME');
    expect(await horizontalOverflow(small)).toBe(0);
    await expectAccessible(small, 'report with a changed section at 360 px');
    await article(small, '1.1.A').locator('.changes').scrollIntoViewIfNeeded();
    await article(small, '1.1.A').screenshot({ path: 'test-results/screenshots/50-diff-360.png' });
    await phone.close();
  });
});

describe('corrections after publication', () => {
  it('lets an admin reopen a published report and a section with a reason; the public keeps reading publication 1', async () => {
    const { deps } = server;
    await approveSection(deps, REVIEWER, { ...ME, section: '1.1.A' });
    await approveReport(deps, REVIEWER, ME);
    await publishReport(deps, ADMIN, ME);

    const admin = await newContext(browser, server.url);
    const a = await admin.newPage();
    await signIn(a, 'Administrator');
    await a.goto('/reports/2014/ME');
    await a.getByRole('link', { name: 'Reopen the report for a correction' }).click();
    expect(await a.locator('h1').textContent()).toBe('Reopen the report of Montenegro?');
    expect(await a.locator('.consequences').textContent()).toContain('The public keeps reading publication 1 until the corrected report is published again as publication 2.');
    // Without a reason: refused, the message next to the field.
    await a.getByRole('button', { name: 'Reopen' }).click();
    expect(await a.locator('#reason-error').textContent()).toContain('Write the reason for reopening');
    await expectAccessible(a, 'reopen refused without a reason');
    await a.getByLabel('Reason for reopening').fill('The number of prosecutors trained was wrong.');
    await a.getByRole('button', { name: 'Reopen' }).click();
    expect(await a.locator('#flash').textContent()).toContain('The report has been reopened');

    await a.goto('/reports/2014/ME/sections/2.1.A');
    await a.getByRole('link', { name: 'Reopen section 2.1.A for a correction' }).click();
    await a.getByLabel('Reason for reopening').fill('Please give the 2014 figure.');
    await a.getByRole('button', { name: 'Reopen' }).click();
    expect(await a.locator('#flash').textContent()).toContain('The section has been reopened');
    expect(await a.locator('.thread').textContent()).toContain('Please give the 2014 figure.');
    await a.goto('/reports/2014/ME/history');
    expect(await a.locator('tbody').textContent()).toContain('Reopened the published report for a correction: “The number of prosecutors trained was wrong.”');
    await admin.close();

    const anonymous = await newContext(browser, server.url);
    const pub = await anonymous.newPage();
    await pub.goto('/public/2014/ME');
    expect(await pub.locator('.edition').textContent()).toContain('Publication 1 of');
    expect(await pub.locator('.notice').textContent()).toContain('Montenegro is correcting this report. This page shows publication 1 until the corrected report is published as publication 2.');
    expect(await pub.locator('#section-1-1-a').textContent()).toContain(ADDED);
    await pub.goto('/public/2014');
    expect(await pub.locator('.sections').textContent()).toContain('Correction in progress');
    await expectAccessible(pub, 'public list during a correction');
    await pub.goto('/public/2014/ME');
    await expectAccessible(pub, 'public report during a correction');
    await screenshot(pub, '51-public-correction-1280');
    await anonymous.close();
  });
});
