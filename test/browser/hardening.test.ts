/**
 * The hardening walk-through (issue 15) in Chromium with axe-core, at 1280 and 360 px: the dashboard
 * matrix fits and links every cell; a stale decision ends on a page that says who changed what and
 * leads back to the report; approving and publishing move focus to the message and leave no disabled
 * buttons; another country's report names both countries and leads to one's own; the section editor
 * keeps the user's text across a reload, warns before leaving, and never advises what loses text;
 * refused attachments say which kinds are accepted, in the page's error style.
 * Screenshots of each refusal state: test-results/screenshots/8x-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../shared/usecases/documents';
import { getReport, saveSection } from '../../shared/usecases/reports';
import { sendReview } from '../../shared/usecases/reviews';
import { sectionEtag, type Actor } from '../../shared/workflow';
import { readSeed } from '../support/seeds';
import { SCREENSHOT_DIR, axeLog, expectAccessible, horizontalOverflow, launchBrowser, newContext, signIn, startWebServer, type WebServer } from './support';

const SHOTS = SCREENSHOT_DIR;
const ADMIN: Actor = { sub: 'seed-admin', name: 'Seeding admin', roles: ['admin'] };
const XK_RAPPORTEUR: Actor = { sub: 'demo-rap-xk', name: 'Rapporteur of Kosovo', roles: ['rapporteur'], country: 'XK' };
const ME = { cycle: '2014', country: 'ME' };
const XK = { cycle: '2014', country: 'XK' };

let server: WebServer;
let browser: Browser;
let reviewer: BrowserContext;
let country: BrowserContext;
let rev: Page;
let rap: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-hardening'), launchBrowser()]);
  mkdirSync(SHOTS, { recursive: true });
  await importDocument(server.deps, ADMIN, ME, readSeed('montenegro-2014.txt'), { submit: true, source: 'montenegro-2014.txt' });
  [reviewer, country] = await Promise.all([newContext(browser, server.url), newContext(browser, server.url)]);
  rev = await reviewer.newPage();
  rap = await country.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

/** The page as it is, at 1280 px and at 360 px (nothing sticking out sideways, axe clean at both), then back to 1280. */
async function shots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 900 });
  expect(await horizontalOverflow(page), `${name} at 360 px`).toBe(0);
  await expectAccessible(page, `${name} (360 px)`);
  await page.screenshot({ path: join(SHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The element focused now: its id, and whether it is inside the viewport. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    const visible = !!box && box.top >= -1 && box.bottom <= window.innerHeight + 1;
    return visible ? { id: el?.id, visible } : { id: el?.id, visible, top: box?.top, bottom: box?.bottom, height: window.innerHeight };
  });

describe('the dashboard matrix (item 12)', () => {
  it('fits its 21 section columns at 1280 px, each cell a link named by country, section and status', async () => {
    await signIn(rev, 'Reviewer of the Secretariat');
    await rev.goto('/reports/2014');
    const overflow = await rev.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const cell = rev.getByRole('link', { name: 'Montenegro 1.1.A: submitted' });
    expect(await cell.count()).toBe(1);
    expect(await cell.getAttribute('href')).toBe('/reports/2014/ME/sections/1.1.A');
    expect(await rev.getByRole('link', { name: 'Kosovo 4.2.C: draft' }).count()).toBe(1);
    await expectAccessible(rev, 'dashboard');
    // On a phone the matrix scrolls in its region with the country column kept in view.
    await rev.setViewportSize({ width: 360, height: 900 });
    expect(await rev.locator('table.matrix th[scope="row"]').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await rev.setViewportSize({ width: 1280, height: 900 });
    await shots(rev, '8x-dashboard');
  }, 90_000);
});

describe('a decision made stale by another reviewer (items 10, 11)', () => {
  it('says who returned the section and when, and leads back to the report', async () => {
    await rev.goto('/reports/2014/ME');
    await rev.getByRole('button', { name: 'Approve section 1.1.A' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('Added to your review');
    // Focus on the message, in view (item 10).
    expect(await focused(rev)).toEqual({ id: 'flash', visible: true });
    // Meanwhile another member of the secretariat returns the same section.
    await sendReview(server.deps, ADMIN, ME, { decisions: [{ section: '1.1.A', verdict: 'return', comment: 'Please give the number of victims identified in 2013.' }] });
    await rev.getByRole('button', { name: 'Send review to Montenegro' }).click();
    await rev.getByRole('button', { name: 'Yes, send the review' }).click();
    await expect.poll(() => rev.locator('h1').textContent()).toBe('This cannot be done now');
    const main = (await rev.locator('main').textContent())!;
    expect(main).toMatch(/Section 1\.1\.A was returned to the country by Seeding admin at \d\d:\d\d UTC on \d{1,2} \w+ \d{4}, so it can no longer be approved\./);
    expect(main).not.toMatch(/allowed when|Cannot /);
    const back = rev.getByRole('link', { name: 'Back to the 2014 report of Montenegro' });
    expect(await back.getAttribute('href')).toBe('/reports/2014/ME');
    await expectAccessible(rev, 'stale decision');
    await shots(rev, '8x-stale-decision');
    await back.click();
    await rev.getByRole('button', { name: 'Discard your review' }).click();
  });
});

describe('another country’s report (item 16)', () => {
  it('names both countries and leads to one’s own report', async () => {
    await signIn(rap, 'Rapporteur of Kosovo');
    const response = await rap.goto('/reports/2014/ME/history');
    expect(response?.status()).toBe(403);
    const main = (await rap.locator('main').textContent())!;
    expect(main).toContain('This is the 2014 report of Montenegro. You are signed in as a rapporteur of Kosovo: you can read and work on the report of Kosovo only');
    expect(await rap.getByRole('link', { name: 'Go to the 2014 report of Kosovo' }).getAttribute('href')).toBe('/reports/2014/XK');
    expect(await rap.getByRole('link', { name: 'The published reports of 2014' }).count()).toBe(1);
    await expectAccessible(rap, 'forbidden');
    await shots(rap, '8x-forbidden');
  });
});

describe('the section editor keeps the user’s text (items 7, 8)', () => {
  it('warns before leaving with unsaved text and brings it back after a reload, until it is saved', async () => {
    const dialogs: string[] = [];
    rap.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await rap.goto('/reports/2014/XK/sections/1.1.B');
    await rap.getByLabel('Answer to 1.1.B').click();
    await rap.keyboard.type('Typed just before the page was reloaded.');
    await rap.reload();
    expect(dialogs).toContain('beforeunload');
    expect(await rap.getByLabel('Answer to 1.1.B').inputValue()).toBe('Typed just before the page was reloaded.');
    expect(await rap.locator('#draft-restored').textContent()).toContain('is back in the box');
    await expectAccessible(rap, 'draft restored');
    await shots(rap, '8x-draft-restored');
    await rap.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rap.locator('#flash').count()).toBe(1);
    expect(await rap.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ar-draft:')))).toEqual([]);
    await rap.reload();
    expect(await rap.locator('#draft-restored').count()).toBe(0);
    rap.removeAllListeners('dialog');
  });

  it('never advises reloading when autosave meets a newer version, and keeps the text', async () => {
    await rap.goto('/reports/2014/XK/sections/1.1.C');
    // Another tab saves the section meanwhile.
    const { report } = await getReport(server.deps, XK_RAPPORTEUR, XK);
    const state = report.sections.find((s) => s.id === '1.1.C')!;
    await saveSection(server.deps, XK_RAPPORTEUR, { ...XK, section: '1.1.C', text: 'Saved in another tab.', nothingToReport: false, ifMatch: sectionEtag('2014', 'XK', state) });
    await rap.getByLabel('Answer to 1.1.C').click();
    await rap.keyboard.type('My own version.');
    await expect.poll(() => rap.locator('#autosave-status').textContent(), { timeout: 10_000 }).toContain('saved elsewhere');
    const status = (await rap.locator('#autosave-status').textContent())!;
    expect(status).not.toMatch(/reload/i);
    expect(status).toContain('Press Save to see your version and the saved one side by side.');
    await expectAccessible(rap, 'autosave conflict');
    await shots(rap, '8x-autosave-conflict');
    await rap.evaluate(() => localStorage.clear());
  });

  it('says “nothing to report” in words, and autosave does not promise a second version', async () => {
    await rap.goto('/reports/2014/XK/sections/2.1.A');
    await rap.getByLabel('Answer to 2.1.A').click();
    await rap.keyboard.type('Some text.');
    await expect.poll(() => rap.locator('#autosave-status').textContent(), { timeout: 10_000 }).toContain('Draft saved');
    await rap.getByLabel('Nothing to report for this question').check();
    await expect.poll(() => rap.locator('#autosave-status').textContent(), { timeout: 10_000 }).toContain('Not saved automatically');
    const status = (await rap.locator('#autosave-status').textContent())!;
    expect(status).toBe('Not saved automatically: the answer must be empty when the section is marked “nothing to report”. Your text is still in the box.');
    await rap.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rap.locator('.error-summary, .error-message').count()).toBeGreaterThan(0);
    const main = (await rap.locator('main').textContent())!;
    expect(main).toContain('The answer must be empty when the section is marked “nothing to report”.');
    expect(main).not.toContain('nothingToReport');
    expect(main).not.toContain('both versions');
    await expectAccessible(rap, 'nothing to report with text');
    await shots(rap, '8x-nothing-to-report');
    await rap.evaluate(() => localStorage.clear());
  });
});

describe('refused attachments (item 9)', () => {
  async function uploadFile(name: string, mimeType: string, buffer: Buffer): Promise<string> {
    await rap.goto('/reports/2014/XK/sections/3.1.A');
    await rap.getByLabel('Add a file').setInputFiles({ name, mimeType, buffer });
    await rap.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => rap.locator('#upload-status').getAttribute('class'), { timeout: 10_000 }).toBe('error-message');
    return (await rap.locator('#upload-status').textContent())!;
  }

  it('names the accepted kinds of file in the page’s error style', async () => {
    const message = await uploadFile('tool.exe', 'application/x-msdownload', Buffer.from('MZ binary'));
    expect(message).toBe(
      'Error: “tool.exe” cannot be attached: it is not a kind of file accepted here; accepted: PDF, Word (.doc), Word (.docx), Excel (.xls), Excel (.xlsx), OpenDocument text (.odt), OpenDocument spreadsheet (.ods), PNG image, JPEG image, plain text (.txt) or CSV (.csv).',
    );
    expect(message).not.toContain('application/');
    await expectAccessible(rap, 'attachment of a refused kind');
    await shots(rap, '8x-attachment-kind');
  });

  it('refuses a text file named .pdf, naming it', async () => {
    const message = await uploadFile('decree.pdf', 'application/pdf', Buffer.from('This is not a PDF.\n'));
    expect(message).toBe('Error: “decree.pdf” is not a PDF file: its content is plain text. Upload the PDF file itself, or save the file in one of the accepted kinds.');
    expect(await rap.locator('.attachments-list li').count()).toBe(0);
    await shots(rap, '8x-attachment-content');
  });
});

describe('approving and publishing (items 6, 10)', () => {
  it('submits again with focus on the message', async () => {
    const me = await newContext(browser, server.url);
    const page = await me.newPage();
    await signIn(page, 'Rapporteur of Montenegro');
    await page.goto('/reports/2014/ME/sections/1.1.A');
    await page.getByLabel('Answer to 1.1.A').fill('In 2013, 14 victims were identified.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.goto('/reports/2014/ME');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect.poll(() => page.locator('#flash').textContent()).toContain('The report has been submitted for review.');
    expect(await focused(page)).toEqual({ id: 'flash', visible: true });
    await me.close();
  });

  it('approves the report with focus on the message, then shows what happened instead of disabled buttons', async () => {
    const { report } = await getReport(server.deps, ADMIN, ME);
    const last = report.sections.at(-1)!.id;
    await sendReview(server.deps, ADMIN, ME, { decisions: report.sections.filter((s) => s.id !== last).map((s) => ({ section: s.id, verdict: 'approve' as const })) });
    await rev.goto('/reports/2014/ME');
    await rev.getByRole('button', { name: `Approve section ${last}` }).click();
    await rev.getByRole('button', { name: 'Send review to Montenegro' }).click();
    await rev.getByRole('button', { name: 'Yes, send the review' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('Your review has been sent.');
    await rev.getByRole('button', { name: 'Approve the report' }).click();
    await rev.getByRole('button', { name: 'Yes, approve the report' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('The report has been approved.');
    expect(await focused(rev)).toEqual({ id: 'flash', visible: true });
    const panel = rev.locator('section[aria-labelledby="decision-heading"]');
    expect(await panel.locator('button[disabled]').count()).toBe(0);
    expect(await panel.locator('button').count()).toBe(0);
    expect(await panel.textContent()).toContain('The report has been approved. An administrator can now publish it.');
    expect(await rev.locator('main').textContent()).not.toMatch(/allowed when|Cannot /);
    await expectAccessible(rev, 'approved report');
    await shots(rev, '8x-report-approved');
  });

  it('publishes with focus on the message and no button left', async () => {
    const admin = await newContext(browser, server.url);
    const page = await admin.newPage();
    await signIn(page, 'Administrator');
    await page.goto('/reports/2014/ME');
    await page.getByRole('button', { name: 'Publish the report' }).click();
    await page.getByRole('button', { name: 'Yes, publish the report' }).click();
    await expect.poll(() => page.locator('#flash').textContent()).toContain('The report has been published');
    expect(await focused(page)).toEqual({ id: 'flash', visible: true });
    const panel = page.locator('section[aria-labelledby="decision-heading"]');
    expect(await panel.locator('button').count()).toBe(0);
    expect(await panel.textContent()).toContain('The report has been approved and published: everyone can read it without signing in.');
    await expectAccessible(page, 'published report');
    await shots(page, '8x-report-published');
    await admin.close();
  });
});
