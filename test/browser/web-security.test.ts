/**
 * The web app's answers to the security review, in a real browser and at the HTTP level: a draft
 * based on an old version never silently overwrites a colleague's answer, the user's text survives a
 * locked section and an expired session, a history is not public, broken
 * forms are 400s, a refused return keeps its comment, uploads declare the type of their extension,
 * and every page carries the security headers. axe-core checks the pages that show kept text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../shared/usecases/documents';
import { approveReport, approveSection, getReport, publishReport } from '../../shared/usecases/reports';
import { findCycle } from '../../shared/form';
import type { Actor } from '../../shared/workflow';
import { readSeed } from '../support/seeds';
import { axeLog, expectAccessible, launchBrowser, newContext, signIn, startWebServer, type WebServer } from './support';

const info = findCycle('2014')!;
const ADMIN: Actor = { sub: 'sec-admin', name: 'Security test admin', roles: ['admin'] };
const REVIEWER: Actor = { sub: 'sec-reviewer', name: 'Second reviewer', roles: ['reviewer'] };

let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-security'), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

/** A signed-in page of its own browser context. */
async function signedIn(user: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, server.url, options);
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

/** Replaces the session cookie with an expired token of the server's own issuer. */
async function expireSession(context: BrowserContext, claims: { sub: string; name: string; roles: Actor['roles']; country?: string }): Promise<void> {
  const expired = await server.issuer.sign(claims, { expiresIn: '-5m' });
  await context.addCookies([{ name: 'ar_session', value: expired, url: server.url }]);
}

const answer = (page: Page, section: string) => page.getByLabel(`Answer to ${section}`);
const save = (page: Page) => page.getByRole('button', { name: /^Save( my version)?$/ }).click();

describe('a draft based on an older version (preview, invalid input)', () => {
  it('shows the conflict view instead of silently taking the new version', async () => {
    const a = await signedIn('Rapporteur of Kosovo');
    const b = await signedIn('Rapporteur of Kosovo');
    await a.page.goto('/reports/2014/XK/sections/1.1.A');
    await b.page.goto('/reports/2014/XK/sections/1.1.A');
    await answer(b.page, '1.1.A').fill('The colleague’s answer.');
    await save(b.page);
    await expect.poll(() => b.page.getByText('Your answer has been saved.').count()).toBe(1);

    // Preview in the first window: its text is based on the version before the colleague's save.
    const mine = 'My **draft**, typed before the colleague saved.';
    await answer(a.page, '1.1.A').fill(mine);
    await a.page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => a.page.locator('#preview strong').textContent()).toBe('draft');
    expect(await a.page.locator('#saved-text').textContent()).toBe('The colleague’s answer.');
    expect(await answer(a.page, '1.1.A').inputValue()).toBe(mine);
    expect(await a.page.getByRole('button', { name: 'Save my version' }).count()).toBe(1);
    await expectAccessible(a.page, 'section editor (stale preview)');

    // An invalid save from a stale page: the field error and the conflict view together.
    await a.page.goto('/reports/2014/XK/sections/1.1.B');
    await b.page.goto('/reports/2014/XK/sections/1.1.B');
    await answer(b.page, '1.1.B').fill('Saved by the colleague.');
    await save(b.page);
    await expect.poll(() => b.page.getByText('Your answer has been saved.').count()).toBe(1);
    await answer(a.page, '1.1.B').fill('Text and nothing to report at once.');
    await a.page.getByLabel('Nothing to report for this question').check();
    await save(a.page);
    await expect.poll(() => a.page.locator('#answer-error').count()).toBe(1);
    expect(await a.page.locator('#saved-text').textContent()).toBe('Saved by the colleague.');
    // Fixing the error alone must not overwrite the colleague's answer without the conflict view.
    await a.page.getByLabel('Nothing to report for this question').uncheck();
    expect(await a.page.getByRole('button', { name: 'Save my version' }).count()).toBe(1);

    // Without the fix the hidden etag was the current one: a plain save from the preview page overwrote silently.
    const res = await a.context.request.get('/reports/2014/XK/sections/1.1.A');
    expect(await res.text()).toContain('The colleague’s answer.');
    await a.context.close();
    await b.context.close();
  });
});

describe('an expired session', () => {
  it('keeps the text on a 401 page with a sign-in link in a new tab, and saves after signing in again', async () => {
    const { context, page } = await signedIn('Rapporteur of Kosovo', { javaScriptEnabled: false });
    await page.goto('/reports/2014/XK/sections/2.1.A');
    const mine = 'Long answer typed while the session ran out.\n\nSecond paragraph.';
    await answer(page, '2.1.A').fill(mine);
    await expireSession(context, { sub: 'demo-rap-xk', name: 'Rapporteur of Kosovo', roles: ['rapporteur'], country: 'XK' });

    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), save(page)]);
    expect(response.status()).toBe(401);
    expect(new URL(page.url()).pathname).toBe('/reports/2014/XK/sections/2.1.A');
    expect(await answer(page, '2.1.A').inputValue()).toBe(mine);
    expect(await page.locator('#signed-out-message').textContent()).toContain('Your session has expired');
    const link = page.locator('#sign-in-again');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent('/reports/2014/XK/sections/2.1.A')}`);
    // Nothing of the report is shown without a session.
    expect(await page.content()).not.toContain('Last saved');

    // Sign in again in the new tab; the page with the text stays.
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await tab.waitForURL('**/dev/sign-in**');
    await tab.getByRole('button', { name: 'Sign in as Rapporteur of Kosovo' }).click();
    await tab.waitForURL('**/reports/2014/XK/sections/2.1.A');
    await tab.close();

    // Saving again: the form still carries the old session's token, so the page comes back with this session's, text kept.
    await save(page);
    await expect.poll(() => page.locator('#error-summary').textContent()).toContain('opened before you signed in again');
    expect(await answer(page, '2.1.A').inputValue()).toBe(mine);
    await save(page);
    await expect.poll(() => page.getByText('Your answer has been saved.').count()).toBe(1);
    expect(await answer(page, '2.1.A').inputValue()).toBe(mine);
    await context.close();
  });

  it('is accessible on the 401 page, and autosave says the session expired and shows the sign-in link', async () => {
    const { context, page } = await signedIn('Rapporteur of Kosovo');
    await page.goto('/reports/2014/XK/sections/2.1.B');
    await expireSession(context, { sub: 'demo-rap-xk', name: 'Rapporteur of Kosovo', roles: ['rapporteur'], country: 'XK' });
    await answer(page, '2.1.B').fill('Typed after the session expired.');
    await expect.poll(() => page.locator('#autosave-status').textContent(), { timeout: 8_000 }).toContain('session has expired');
    // The text is kept in this browser (localStorage) until the server has it: the message may say so.
    expect(await page.locator('#autosave-status').textContent()).toContain('it is kept in this browser');
    const link = page.locator('#session-expired a');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent('/reports/2014/XK/sections/2.1.B')}`);
    await expectAccessible(page, 'section editor (autosave, session expired)');

    await save(page);
    await expect.poll(() => page.locator('#signed-out-message').count()).toBe(1);
    expect(await answer(page, '2.1.B').inputValue()).toBe('Typed after the session expired.');
    await expectAccessible(page, 'section form (signed out, 401)');
    await context.close();
  });
});

describe('a section locked while the user was typing', () => {
  it('shows the unsaved text read-only after a refused save and a refused preview', async () => {
    const { context, page } = await signedIn('Rapporteur of Montenegro');
    await page.goto('/reports/2014/ME/sections/1.1.A');
    // Meanwhile the report is imported and submitted on the country's behalf: every section is locked.
    await importDocument(server.deps, ADMIN, { cycle: '2014', country: 'ME' }, readSeed('montenegro-2014.txt'), { submit: true, source: 'montenegro-2014.txt' });

    const mine = 'My answer, written before the report was submitted.';
    await answer(page, '1.1.A').fill(mine);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.request().headers()['accept']?.includes('json') !== true), save(page)]);
    expect([409, 412]).toContain(response.status());
    await expect.poll(() => page.locator('#unsaved-text').count()).toBe(1);
    expect(await page.locator('#unsaved-text').inputValue()).toBe(mine);
    expect(await page.locator('#unsaved-text').getAttribute('readonly')).not.toBeNull();
    // The summary links to the text, which is there.
    expect(await page.locator('#error-summary a').first().getAttribute('href')).toBe('#unsaved-text');
    await expectAccessible(page, 'section (locked, unsaved text)');

    // A preview of the now-submitted section keeps the text too.
    const res = await context.request.post('/reports/2014/ME/sections/1.1.B', {
      form: { _csrf: await page.locator('input[name="_csrf"]').first().inputValue(), etag: 'x', text: 'Previewed after the submission.', intent: 'preview' },
      headers: { origin: new URL(server.url).origin },
    });
    expect(res.status()).toBe(409);
    const html = await res.text();
    expect(html).toContain('id="unsaved-text"');
    expect(html).toContain('Previewed after the submission.');
    expect(html).toContain('href="#unsaved-text"');
    await context.close();
  });
});

describe("a reviewer's return comment", () => {
  it('is kept on the page when the section was decided meanwhile (409)', async () => {
    const { context, page } = await signedIn('Reviewer of the Secretariat');
    await page.goto('/reports/2014/ME');
    const comment = 'Please add the number of victims identified in 2014.';
    await page.getByText('Request changes on section 2.1.A').click();
    await page.locator('#comment-section-2-1-a').fill(comment);
    // Another reviewer approves the section first.
    await approveSection(server.deps, REVIEWER, { cycle: '2014', country: 'ME', section: '2.1.A' });
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Add to my review: return section 2.1.A' }).click()]);
    expect(response.status()).toBe(409);
    await expect.poll(() => page.locator('#comment-section-2-1-a').inputValue()).toBe(comment);
    expect(await page.locator('#error-summary a').first().getAttribute('href')).toBe('#comment-section-2-1-a');
    await expectAccessible(page, 'report (return refused, comment kept)');
    await context.close();
  });
});

describe('the history of a published report', () => {
  it('is readable by reviewers and the country, not by another country', async () => {
    for (const section of info.sectionIds) {
      const state = (await getReport(server.deps, ADMIN, { cycle: '2014', country: 'ME' })).report.sections.find((s) => s.id === section)!;
      if (state.status !== 'approved') await approveSection(server.deps, REVIEWER, { cycle: '2014', country: 'ME', section });
    }
    await approveReport(server.deps, REVIEWER, { cycle: '2014', country: 'ME' });
    await publishReport(server.deps, ADMIN, { cycle: '2014', country: 'ME' });

    const other = await signedIn('Rapporteur of Kosovo');
    expect((await other.page.goto('/reports/2014/ME'))?.status()).toBe(200); // the published report itself is public
    expect((await other.page.goto('/reports/2014/ME/history'))?.status()).toBe(403);
    expect(await other.page.content()).not.toContain('Second reviewer');
    await other.context.close();

    for (const user of ['Rapporteur of Montenegro', 'Reviewer of the Secretariat']) {
      const { context, page } = await signedIn(user);
      expect((await page.goto('/reports/2014/ME/history'))?.status(), user).toBe(200);
      expect(await page.content()).toContain('Second reviewer');
      await context.close();
    }
  });
});

describe('forms and headers', () => {
  it('answers a malformed form body with a 400 page, not a 500', async () => {
    const { context, page } = await signedIn('Rapporteur of Kosovo');
    const origin = new URL(server.url).origin;
    const broken = { headers: { origin, 'content-type': 'multipart/form-data; boundary=zzz' }, data: 'not a multipart body', maxRedirects: 0 };
    for (const path of ['/reports/2014/XK/sections/1.1.A', '/reports/2014/XK/submit', '/dev/sign-in']) {
      const res = await context.request.post(path, broken);
      expect(res.status(), path).toBe(400);
      expect(res.headers()['content-type'], path).toContain('text/html');
    }
    await page.close();
    await context.close();
  });

  it('sets the CSP, nosniff and no HSTS on plain-HTTP loopback, and the export page keeps its styles', async () => {
    const context = await newContext(browser, server.url);
    const res = await context.request.get('/');
    const csp = res.headers()['content-security-policy']!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(/connect-src 'self' https: http:\/\/127\.0\.0\.1:\*/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['strict-transport-security']).toBeUndefined();

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/public/2014/ME/export.html');
    expect(await page.locator('style').count()).toBeGreaterThan(0);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });
});

describe('an upload', () => {
  it('declares the type of the file extension, not the browser guess, and passes the CSP', async () => {
    const { context, page } = await signedIn('Rapporteur of Kosovo');
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto('/reports/2014/XK/sections/3.1.A');
    // Windows browsers report CSV files as Excel; the server refuses a type that disagrees with the extension.
    await page.getByLabel('Add a file').setInputFiles({ name: 'figures.csv', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('year,victims\n2014,12\n') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByText('The file has been uploaded.').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('link', { name: 'figures.csv' }).count()).toBe(1);
    expect(violations).toEqual([]);
    await context.close();
  });
});
