/**
 * A review as reviewers and countries live it, in Chromium with axe-core: a reviewer composes a
 * review section by section (kept as a draft, summarized as it grows, seen in progress by the others),
 * adds an internal note, and sends the review after a confirmation; the country reads each returned
 * section's conversation (never the internal note), replies on one, revises the other, and submits
 * again. Screenshots of the review summary and of a thread at 1280 and 360 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocument } from '../../shared/usecases/documents';
import type { Actor } from '../../shared/workflow';
import { readSeed } from '../support/seeds';
import { axeLog, expectAccessible, horizontalOverflow, launchBrowser, newContext, screenshot, signIn, startWebServer, type WebServer } from './support';

const ADMIN: Actor = { sub: 'seed-admin', name: 'Seeding admin', roles: ['admin'] };
const INTERNAL = 'Internal: check this against the Europol figures before accepting.';
const RETURN_1 = 'Please give the number of victims identified in 2013.';
const RETURN_2 = 'Which awareness campaign is meant, and who ran it?';
const REPLY = 'The figures are in the attached annual police report; the number was 14.';

let server: WebServer;
let browser: Browser;
let reviewer: BrowserContext;
let country: BrowserContext;
let rev: Page;
let rap: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-reviews'), launchBrowser()]);
  await importDocument(server.deps, ADMIN, { cycle: '2014', country: 'ME' }, readSeed('montenegro-2014.txt'), { submit: true, source: 'montenegro-2014.txt' });
  [reviewer, country] = await Promise.all([newContext(browser, server.url), newContext(browser, server.url)]);
  rev = await reviewer.newPage();
  rap = await country.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

const article = (page: Page, section: string) => page.locator(`#section-${section.replaceAll('.', '-').toLowerCase()}`);

async function requestChanges(section: string, comment: string): Promise<void> {
  await article(rev, section).getByText(`Request changes on section ${section}`).click();
  await article(rev, section).getByLabel('Comment for the country (required)').fill(comment);
  await article(rev, section).getByRole('button', { name: `Add to my review: return section ${section}` }).click();
  await expect.poll(() => article(rev, section).locator('#flash').count()).toBe(1);
}

describe('a review composed section by section and sent at once', () => {
  it('keeps each decision in a draft with a running summary, and shows the next section needing review', async () => {
    await signIn(rev, 'Reviewer of the Secretariat');
    await rev.goto('/reports/2014/ME');
    expect(await rev.locator('#review').textContent()).toContain('21 sections are waiting for review');
    expect(await rev.locator('#review .next-link').textContent()).toBe('Next section needing review: 1.1.A');

    await article(rev, '1.1.A').getByRole('button', { name: 'Approve section 1.1.A' }).click();
    // The confirmation is where the reviewer acted, and has the focus.
    await expect.poll(() => rev.evaluate(() => document.activeElement?.closest('article')?.id)).toBe('section-1-1-a');
    expect(await article(rev, '1.1.A').locator('#flash').textContent()).toContain('Added to your review');
    await requestChanges('1.1.B', RETURN_1);
    await requestChanges('3.1.A', RETURN_2);
    await article(rev, '1.1.C').getByRole('button', { name: 'Approve section 1.1.C' }).click();
    await expect.poll(() => rev.locator('#review').textContent()).toContain('2 approved, 2 to return');
    expect(await rev.locator('#review .next-link').textContent()).toBe('Next section needing review: 2.1.A');
    expect(await article(rev, '1.1.B').locator('.in-review').textContent()).toContain(RETURN_1);
    // Nothing is applied yet.
    expect(await article(rev, '1.1.B').locator('.status').textContent()).toContain('Submitted');

    // An internal note for the other reviewers.
    await article(rev, '2.1.A').getByText('Add a note on section 2.1.A').click();
    await article(rev, '2.1.A').getByLabel('Add a note on 2.1.A').fill(INTERNAL);
    expect(await article(rev, '2.1.A').getByLabel('Internal: for the secretariat only').isChecked()).toBe(true);
    await article(rev, '2.1.A').getByRole('button', { name: 'Add the note on section 2.1.A' }).click();
    await expect.poll(() => article(rev, '2.1.A').locator('.thread').textContent()).toContain(INTERNAL);
    expect(await article(rev, '2.1.A').locator('.thread').textContent()).toContain('Internal: secretariat only');

    await expectAccessible(rev, 'report with a review in progress');
    await screenshot(rev, '40-report-with-review-1280');
    await rev.locator('#review').screenshot({ path: 'test-results/screenshots/40-review-summary-1280.png' });
    await article(rev, '1.1.B').screenshot({ path: 'test-results/screenshots/42-section-in-review-1280.png' });
  });

  it('shows the other reviewers who is reviewing, on the report and the dashboard', async () => {
    const context = await newContext(browser, server.url);
    const admin = await context.newPage();
    await signIn(admin, 'Administrator');
    await admin.goto('/reports/2014');
    expect(await admin.locator('tbody tr', { hasText: 'Montenegro' }).locator('.in-progress').textContent()).toBe('Review in progress: Reviewer of the Secretariat');
    await admin.goto('/reports/2014/ME');
    expect(await admin.locator('#review').textContent()).toContain('Reviewer of the Secretariat is also reviewing (4 decisions so far');
    await context.close();
  });

  it('fits the review summary on a phone (360 px)', async () => {
    const context = await newContext(browser, server.url, { width: 360 });
    await context.addCookies(await reviewer.cookies());
    const page = await context.newPage();
    await page.goto('/reports/2014/ME#review');
    expect(await page.locator('#review').textContent()).toContain('2 approved, 2 to return');
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page, 'review summary (360px)');
    await page.locator('#review').screenshot({ path: 'test-results/screenshots/40-review-summary-360.png' });
    await context.close();
  });

  it('sends the review after a confirmation naming what will happen', async () => {
    await rev.getByRole('button', { name: 'Send review to Montenegro' }).click();
    await expect.poll(() => rev.locator('h1').textContent()).toBe('Send your review to Montenegro?');
    const consequences = await rev.locator('.consequences').textContent();
    expect(consequences).toContain('These 2 sections are approved: 1.1.A, 1.1.C.');
    expect(consequences).toContain('These 2 sections go back to Montenegro with your comments: 1.1.B, 3.1.A. The report becomes returned.');
    await expectAccessible(rev, 'confirm sending a review');
    await rev.getByRole('button', { name: 'Yes, send the review' }).click();
    await expect.poll(() => rev.getByText('Your review has been sent.').count()).toBe(1);
    await expect.poll(() => rev.evaluate(() => document.activeElement?.id)).toBe('flash');
    expect(await rev.locator('.meta-list .status').first().textContent()).toContain('Returned');
    expect(await article(rev, '1.1.B').locator('.thread').textContent()).toContain(RETURN_1);
    expect(await rev.locator('#review').textContent()).not.toContain('to return');
  });
});

describe('the country answers every return and submits again', () => {
  it('lists the returned sections with what each needs, and blocks the submission until each is answered', async () => {
    await signIn(rap, 'Rapporteur of Montenegro');
    await rap.goto('/reports/2014/ME');
    const notice = rap.locator('.notice-warning');
    expect(await notice.textContent()).toContain('2 sections returned with a comment');
    expect(await notice.textContent()).toContain('revise the answer or reply to the reviewers');
    expect(await rap.getByRole('button', { name: 'Submit the report' }).isDisabled()).toBe(true);
    expect(await rap.locator('#submit-missing').textContent()).toContain('2 returned sections still need a revised answer or a reply');
    expect(await rap.content()).not.toContain('Europol');
    await expectAccessible(rap, 'country report (returned)');
  });

  it('replies in the conversation of a returned section, without ever seeing the internal note', async () => {
    await rap.goto('/reports/2014/ME/sections/1.1.B');
    expect(await rap.locator('#return-comment').textContent()).toBe(RETURN_1);
    await rap.locator('summary', { hasText: 'Reply to the reviewers' }).click();
    await rap.getByLabel('Reply to the reviewers about 1.1.B').fill(REPLY);
    await rap.getByRole('button', { name: 'Send the reply on section 1.1.B' }).click();
    await expect.poll(() => rap.locator('#flash').textContent()).toContain('Your reply has been sent to the reviewers.');
    await expect.poll(() => rap.evaluate(() => document.activeElement?.id)).toBe('flash');
    expect(await rap.locator('#flash').textContent()).toContain('Next returned section: 3.1.A');
    expect(await rap.locator('.thread').textContent()).toContain(REPLY);
    for (const page of ['/reports/2014/ME/sections/2.1.A', '/reports/2014/ME/history']) {
      await rap.goto(page);
      expect(await rap.content(), page).not.toContain('Europol');
    }
    await rap.goto('/reports/2014/ME/sections/1.1.B');
    await expectAccessible(rap, 'returned section with its conversation');
    await screenshot(rap, '41-returned-section-1280');
    await rap.locator('.conversation').screenshot({ path: 'test-results/screenshots/41-thread-1280.png' });
    const context = await newContext(browser, server.url, { width: 360 });
    await context.addCookies(await country.cookies());
    const phone = await context.newPage();
    await phone.goto('/reports/2014/ME/sections/1.1.B');
    expect(await horizontalOverflow(phone)).toBe(0);
    await expectAccessible(phone, 'returned section with its conversation (360px)');
    await phone.locator('.conversation').screenshot({ path: 'test-results/screenshots/41-thread-360.png' });
    await context.close();
  });

  it('revises the other section, sees it marked revised, and submits again after a confirmation', async () => {
    await rap.goto('/reports/2014/ME/sections/3.1.A');
    const answer = rap.getByLabel('Answer to 3.1.A');
    await answer.fill(`${await answer.inputValue()}\n\nThe 2013 campaign "Safe online" was run by the Ministry of Education.`);
    await rap.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rap.locator('#flash').textContent()).toContain('Section 3.1.A is marked revised');
    expect(await rap.locator('#flash').textContent()).toContain('Every returned section is revised or answered: submit the report');
    await rap.locator('#flash a').click();
    const button = rap.getByRole('button', { name: 'Submit the report' });
    expect(await button.isDisabled()).toBe(false);
    expect(await rap.locator('.sections').first().textContent()).toContain('Replied');
    await button.click();
    expect(await rap.locator('.consequences').textContent()).toContain('2 revised sections go back to the reviewers: 1.1.B, 3.1.A.');
    await rap.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect.poll(() => rap.getByText('The report has been submitted for review.').count()).toBe(1);
  });

  it("gives the reviewer the section page's own review actions, and the change since the review", async () => {
    await rev.goto('/reports/2014/ME/sections/3.1.A');
    expect(await rev.locator('#review-actions-heading').textContent()).toBe('Your review of this section');
    expect(await rev.locator('.changes h3').textContent()).toBe('Changed since the review');
    expect(await rev.locator('.changes .diff ins').count()).toBeGreaterThan(0);
    await rev.getByRole('button', { name: 'Approve section 3.1.A' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('Added to your review');
    expect(new URL(rev.url()).pathname).toBe('/reports/2014/ME/sections/3.1.A');
    await expectAccessible(rev, 'section page with review actions');
  });
});
