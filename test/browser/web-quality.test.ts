/**
 * The web app's promises beyond the happy path, in a real browser: a stale save never loses the
 * user's text, autosave uses the etag, the keyboard alone gets through, a phone's width needs no
 * sideways scrolling (except inside the matrix), sessions and forms are protected, and the route
 * space is split between the JSON API and the pages. axe-core checks every page visited.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../functions/web/app';
import { ensureDevIssuer } from '../../functions/local/dev-issuer';
import { createTokenVerifier } from '../../shared/http/auth';
import { tempDir } from '../support/temp';
import { axeLog, expectAccessible, horizontalOverflow, launchBrowser, newContext, screenshot, signIn, startWebServer, type WebServer } from './support';

let server: WebServer;
let browser: Browser;
let first: BrowserContext;
let second: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-quality'), launchBrowser()]);
  [first, second] = await Promise.all([newContext(browser, server.url), newContext(browser, server.url)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

describe('a stale save', () => {
  it('keeps the user text in the editor and shows the saved text for comparison', async () => {
    const a = await first.newPage();
    const b = await second.newPage();
    await signIn(a, 'Rapporteur of Montenegro');
    await signIn(b, 'Rapporteur of Montenegro');
    await a.goto('/reports/2014/ME/sections/3.1.A');
    await b.goto('/reports/2014/ME/sections/3.1.A');

    await b.getByLabel('Answer to 3.1.A').fill('Text saved from the second window.');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => b.getByText('Your answer has been saved.').count()).toBe(1);

    const mine = 'My long answer, typed in the first window.\n\nIt must never be lost.';
    await a.getByLabel('Answer to 3.1.A').fill(mine);
    await a.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => a.locator('#error-summary').count()).toBe(1);
    expect(await a.getByLabel('Answer to 3.1.A').inputValue()).toBe(mine);
    expect(await a.locator('#saved-text').textContent()).toBe('Text saved from the second window.');
    expect(await a.getByLabel('Answer to 3.1.A').getAttribute('aria-invalid')).toBe('true');
    expect(await a.getByLabel('Answer to 3.1.A').getAttribute('aria-describedby')).toContain('conflict-message');
    await expectAccessible(a, 'section editor (stale save)');
    await screenshot(a, '20-stale-save-conflict');

    // Saving again is a deliberate choice made with both versions in view: it now succeeds.
    await a.getByRole('button', { name: 'Save my version' }).click();
    await expect.poll(() => a.getByText('Your answer has been saved.').count()).toBe(1);
    expect(await a.getByLabel('Answer to 3.1.A').inputValue()).toBe(mine);
    await a.close();
    await b.close();
  });

  it('autosaves a draft with the etag and stops, keeping the text, when the section changed elsewhere', async () => {
    const a = await first.newPage();
    const b = await second.newPage();
    await a.goto('/reports/2014/ME/sections/3.2.B');
    await a.getByLabel('Answer to 3.2.B').fill('Typed, never submitted by hand.');
    await expect.poll(() => a.locator('#autosave-status').textContent(), { timeout: 8_000 }).toContain('Draft saved at');
    await b.goto('/reports/2014/ME/sections/3.2.B');
    expect(await b.getByLabel('Answer to 3.2.B').inputValue()).toBe('Typed, never submitted by hand.');

    // The first window keeps autosaving with the etag it got back.
    await a.getByLabel('Answer to 3.2.B').fill('Typed, never submitted by hand. Second thought.');
    await expect.poll(async () => (await b.reload(), b.getByLabel('Answer to 3.2.B').inputValue()), { timeout: 8_000 }).toBe('Typed, never submitted by hand. Second thought.');

    // The second window saves; the first one's next autosave is stale and stops with the text kept.
    await b.getByLabel('Answer to 3.2.B').fill('Changed in the second window.');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => b.getByText('Your answer has been saved.').count()).toBe(1);
    await a.getByLabel('Answer to 3.2.B').fill('Mine again.');
    await expect.poll(() => a.locator('#autosave-status').textContent(), { timeout: 8_000 }).toContain('saved elsewhere since you opened this page');
    expect(await a.locator('#autosave-status').textContent()).not.toMatch(/reload/i);
    expect(await a.getByLabel('Answer to 3.2.B').inputValue()).toBe('Mine again.');
    await expectAccessible(a, 'section editor (autosave stopped)');
    await a.close();
    await b.close();
  });
});

describe('without JavaScript', () => {
  it('saves and previews with plain forms, and says that uploading needs JavaScript', async () => {
    const context = await newContext(browser, server.url, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'Rapporteur of Montenegro');
    await page.goto('/reports/2014/ME/sections/4.1.A');
    await page.getByLabel('Answer to 4.1.A').fill('Plain *form* answer.');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.locator('#preview em').textContent()).toBe('form');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByText('Your answer has been saved.').count()).toBe(1);
    expect(await page.getByLabel('Answer to 4.1.A').inputValue()).toBe('Plain *form* answer.');
    expect(await page.getByRole('button', { name: 'Upload' }).isVisible()).toBe(false);
    expect(await page.getByText('Uploading needs JavaScript').isVisible()).toBe(true);
    // axe-core itself needs script, so this markup is checked by the other editor tests (it is the same page).
    await context.close();
  });
});

describe('keyboard use', () => {
  it('reaches the skip link first, shows the focus, and submits forms with Enter', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);

    // Sign in with the keyboard only: the first button of the demo list is the rapporteur of ME.
    await page.goto('/dev/sign-in');
    await page.getByRole('button', { name: 'Sign in as Reviewer of the Secretariat' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/reports/2014');

    // The status filter: choose with the arrows, Tab to the button, Enter.
    await page.getByLabel('Show reports').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Apply filter');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/reports/2014?status=draft');
    await expectAccessible(page, 'dashboard (keyboard filter)');
    await context.close();
  });
});

describe("a phone's width (360px)", () => {
  it('needs no horizontal scrolling of the page; the matrix scrolls inside its labelled region', async () => {
    const context = await newContext(browser, server.url, { width: 360 });
    const page = await context.newPage();
    await page.goto('/');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, '30-home-360');

    await signIn(page, 'Rapporteur of Montenegro');
    for (const path of ['/reports/2014/ME', '/reports/2014/ME/sections/1.1.A', '/reports/2014/ME/history', '/public/2014']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBe(0);
      await expectAccessible(page, `${path} at 360px`);
    }
    await page.goto('/reports/2014/ME/sections/1.1.A');
    await screenshot(page, '31-section-360');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'Reviewer of the Secretariat');
    await page.goto('/reports/2014');
    expect(await horizontalOverflow(page)).toBe(0);
    const region = page.getByRole('region', { name: /Section status by country/ });
    const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expectAccessible(page, 'dashboard at 360px');
    await screenshot(page, '32-dashboard-360');
    await page.goto('/reports/2014/ME');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, '33-review-360');
    await context.close();
  }, 90_000);
});

describe('sessions, forms and the route space', () => {
  it('answers unknown pages with an HTML 404 and unknown API paths with problem+json', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toContain('text/html');
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expectAccessible(page, 'HTML 404');

    const api = await context.request.get('/cycles');
    expect(api.status()).toBe(401);
    expect(api.headers()['content-type']).toContain('application/problem+json');
    const missing = await context.request.get('/cycles/2014/nothing-here');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-type']).toContain('application/problem+json');
    expect((await context.request.get('/health')).status()).toBe(200);

    const css = await context.request.get('/assets/app.css');
    expect(css.headers()['content-type']).toContain('text/css');
    expect(css.headers()['cache-control']).toContain('max-age=');
    expect((await context.request.get('/assets/app.css', { headers: { 'if-none-match': css.headers().etag! } })).status()).toBe(304);
    await context.close();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, refuses posts without the session token, and signs out', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signIn(page, 'Rapporteur of Kosovo');
    expect(new URL(page.url()).pathname).toBe('/reports/2014/XK');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'ar_session', httpOnly: true, sameSite: 'Lax', secure: false });

    // Another country's report is refused.
    const other = await page.goto('/reports/2014/ME');
    expect(other?.status()).toBe(403);
    await expectAccessible(page, 'HTML 403');

    // A same-origin post without the form's token, and a cross-site post with it, are both refused.
    const origin = new URL(server.url).origin;
    const noToken = await context.request.post('/reports/2014/XK/submit', { form: { x: '1' }, headers: { origin }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    await page.goto('/reports/2014/XK');
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const crossSite = await context.request.post('/reports/2014/XK/submit', { form: { _csrf: token }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(crossSite.status()).toBe(403);

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await context.cookies()).toEqual([]);
    await page.goto('/reports/2014/XK');
    expect(new URL(page.url()).pathname).toBe('/dev/sign-in');
    await context.close();
  });

  it('signs a newcomer in as the rapporteur of any participant, at 1280 and 360 px', async () => {
    for (const width of [1280, 360]) {
      const context = await newContext(browser, server.url, { width });
      const page = await context.newPage();
      await page.goto('/dev/sign-in');
      await page.getByLabel('Rapporteur of another country').selectOption({ label: 'Albania (AL)' });
      await expectAccessible(page, `development sign-in (${width}px)`);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, `02-dev-sign-in-${width}`);
      await page.getByRole('button', { name: 'Sign in as the rapporteur of the chosen country' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/reports/2014/AL');
      expect(await page.locator('.who').textContent()).toContain('Rapporteur of Albania (rapporteur of AL)');
      expect((await page.goto('/reports/2014/ME'))?.status()).toBe(403);
      await context.close();
    }
  });

  it('sends an expired session back to sign-in', async () => {
    const issuer = await ensureDevIssuer(tempDir('web-expired'));
    const context = await newContext(browser, server.url);
    const expired = await issuer.sign({ sub: 'x', name: 'X', roles: ['reviewer'] }, { expiresIn: '-5m' });
    await context.addCookies([{ name: 'ar_session', value: expired, url: server.url }]);
    const page = await context.newPage();
    await page.goto('/reports/2014');
    expect(new URL(page.url()).pathname).toBe('/dev/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/reports/2014');
    await context.close();
  });

  it('has no development sign-in without the local issuer (as in Lambda)', async () => {
    const issuer = await ensureDevIssuer(tempDir('web-nodev'));
    const verifier = createTokenVerifier({ AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience, AUTH_JWKS: issuer.jwks, AUTH_JWKS_URL: undefined });
    const app = createWebApp({ ...server.deps, verifier }, {});
    const res = await app.request('/dev/sign-in');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    const signInPage = await app.request('/sign-in');
    expect(signInPage.status).toBe(503);
  });
});
