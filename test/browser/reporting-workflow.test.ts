/**
 * The whole reporting round in a real browser against the real local server: a rapporteur fills and
 * submits the report, a reviewer composes a review that returns a section with a comment and sends it,
 * the rapporteur revises it (and attaches a file) and submits again, the reviewer approves every
 * section in a second review and approves the report, an admin publishes it, and an anonymous visitor
 * reads it. Every irreversible step asks for a confirmation. axe-core checks every page on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import { axeLog, expectAccessible, launchBrowser, newContext, screenshot, signIn, startWebServer, type WebServer } from './support';

const info = findCycle('2014')!;
const SECTION_IDS = info.sectionIds;
const RETURNED = '1.1.B';
const NOTHING = '2.2.C';
const RETURN_COMMENT = 'Please add the number of victims identified in 2014.';

let server: WebServer;
let browser: Browser;
let rapporteur: BrowserContext;
let reviewer: BrowserContext;
let admin: BrowserContext;
let visitor: BrowserContext;
let rap: Page;
let rev: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startWebServer('web-flow'), launchBrowser()]);
  const contexts = await Promise.all([0, 1, 2, 3].map(() => newContext(browser, server.url)));
  [rapporteur, reviewer, admin, visitor] = contexts as [BrowserContext, BrowserContext, BrowserContext, BrowserContext];
  rap = await rapporteur.newPage();
  rev = await reviewer.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.info(`axe-core (${axeLog.length} pages, 0 violations allowed):\n${axeLog.map((a) => `  ${a.label} ${a.url}: ${a.passes} rules passed, ${a.violations} violations`).join('\n')}`);
});

const answerFor = (id: string) => `Answer of Montenegro to ${id}.\n\nWe **increased** the number of identified victims:\n\n- training of police officers\n- cooperation with INTERPOL`;

describe('the reporting round in the browser', () => {
  it('shows the home page and the development sign-in to an anonymous visitor', async () => {
    const page = await visitor.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annual reporting of the Global Alliance');
    await expectAccessible(page, 'home');
    await screenshot(page, '01-home');
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    expect(new URL(page.url()).pathname).toBe('/dev/sign-in');
    await expectAccessible(page, 'development sign-in');
    await screenshot(page, '02-dev-sign-in');
    await page.close();
  });

  it('lets the rapporteur of ME see the 21 sections grouped by target and goal, with what is missing', async () => {
    await signIn(rap, 'Rapporteur of Montenegro');
    expect(new URL(rap.url()).pathname).toBe('/reports/2014/ME');
    await expect.poll(() => rap.locator('h1').textContent()).toBe('Montenegro: 2014 report');
    expect(await rap.locator('h2', { hasText: /^Policy Target No\. \d$/ }).count()).toBe(4);
    expect(await rap.locator('h3.goal-title').count()).toBe(7);
    expect(await rap.locator('ul.sections > li').count()).toBe(21);
    expect(await rap.locator('#submit-missing li a').count()).toBe(21);
    expect(await rap.getByRole('button', { name: 'Submit the report' }).isDisabled()).toBe(true);
    await expectAccessible(rap, 'rapporteur report (draft)');
    await screenshot(rap, '03-rapporteur-report-draft');
  });

  it('previews Markdown without saving and shows a field error next to the answer', async () => {
    await rap.getByRole('link', { name: /^1\.1\.A / }).click();
    await expect.poll(() => rap.locator('h1').textContent()).toContain('Section 1.1.A');
    await expectAccessible(rap, 'section editor (empty)');

    await rap.getByLabel('Answer to 1.1.A').fill('A **bold** claim\n\n- first\n- second');
    await rap.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => rap.locator('#preview strong').textContent()).toBe('bold');
    expect(await rap.locator('#preview li').count()).toBe(2);
    expect(await rap.getByLabel('Answer to 1.1.A').inputValue()).toBe('A **bold** claim\n\n- first\n- second');
    await expectAccessible(rap, 'section editor (preview)');
    await screenshot(rap, '04-section-preview');

    // Text and the nothing-to-report mark together are refused, with the message next to the field.
    await rap.getByLabel('Nothing to report for this question').check();
    await rap.getByRole('button', { name: 'Save', exact: true }).click();
    const textarea = rap.getByLabel('Answer to 1.1.A');
    await expect.poll(() => textarea.getAttribute('aria-invalid')).toBe('true');
    expect(await textarea.getAttribute('aria-describedby')).toContain('answer-error');
    expect(await rap.locator('#answer-error').textContent()).toContain('must be empty when the section is marked “nothing to report”');
    expect(await textarea.inputValue()).toBe('A **bold** claim\n\n- first\n- second');
    await expectAccessible(rap, 'section editor (field error)');
    await screenshot(rap, '05-section-field-error');
  });

  it('lets the rapporteur fill every section and submit the report', async () => {
    for (const id of SECTION_IDS) {
      await rap.goto(`/reports/2014/ME/sections/${id}`);
      if (id === NOTHING) {
        await rap.getByLabel(`Answer to ${id}`).fill('');
        await rap.getByLabel('Nothing to report for this question').check();
      } else {
        await rap.getByLabel(`Answer to ${id}`).fill(answerFor(id));
        await rap.getByLabel('Nothing to report for this question').uncheck();
      }
      await rap.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => rap.getByRole('status').filter({ hasText: 'Your answer has been saved.' }).count(), { message: `saving ${id}` }).toBe(1);
    }
    await expectAccessible(rap, 'section editor (saved)');

    await rap.goto('/reports/2014/ME');
    expect(await rap.locator('#submit-missing li').count()).toBe(0);
    await rap.getByRole('button', { name: 'Submit the report' }).click();
    // Asked to confirm, with what will happen.
    await expect.poll(() => rap.locator('h1').textContent()).toBe('Submit the report of Montenegro?');
    expect(await rap.locator('.consequences').textContent()).toContain('All 21 sections go to the reviewers.');
    await expectAccessible(rap, 'confirm submission');
    await rap.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect.poll(() => rap.getByText('The report has been submitted for review.').count()).toBe(1);
    // The confirmation is announced where the user is: focus is on it.
    await expect.poll(() => rap.evaluate(() => document.activeElement?.id)).toBe('flash');
    expect(await rap.locator('.meta-list .status').first().textContent()).toContain('Submitted');
    await expectAccessible(rap, 'rapporteur report (submitted)');
  }, 90_000);

  it('gives the reviewer a dashboard matrix with counts, statuses in text and a status filter', async () => {
    await signIn(rev, 'Reviewer of the Secretariat');
    expect(new URL(rev.url()).pathname).toBe('/reports/2014');
    const region = rev.getByRole('region', { name: /Section status by country, 2014/ });
    expect(await region.locator('tbody tr').count()).toBe(info.cycle.participants.length);
    const me = region.locator('tbody tr', { has: rev.getByRole('link', { name: 'Montenegro', exact: true }) });
    expect(await me.locator('td').first().textContent()).toContain('Submitted');
    expect(await me.locator('td.status-submitted .visually-hidden').count()).toBe(21);
    expect(await rev.locator('text=Deadline').count()).toBeGreaterThan(0);
    await expectAccessible(rev, 'dashboard');
    await screenshot(rev, '06-dashboard');

    await rev.getByLabel('Show reports').selectOption('submitted');
    await rev.getByRole('button', { name: 'Apply filter' }).click();
    expect(new URL(rev.url()).search).toBe('?status=submitted');
    expect(await region.locator('tbody tr').count()).toBe(1);
    await expectAccessible(rev, 'dashboard (filtered)');
  }, 90_000);

  it('requires a comment to request changes, and keeps the decision in a review until it is sent', async () => {
    await rev.getByRole('link', { name: 'Montenegro', exact: true }).click();
    await expect.poll(() => rev.locator('h1').textContent()).toBe('Montenegro: 2014 report');
    expect(await rev.locator('#section-1-1-a .answer strong').textContent()).toBe('increased');
    expect(await rev.getByRole('button', { name: 'Approve the report' }).isDisabled()).toBe(true);
    expect(await rev.locator('#approve-reason').textContent()).toContain('once every section is approved');
    expect(await rev.getByRole('button', { name: 'Publish the report' }).count()).toBe(0);
    await expectAccessible(rev, 'review report');
    await screenshot(rev, '07-review-report');

    const section = rev.locator('#section-1-1-b');
    await section.getByText(`Request changes on section ${RETURNED}`).click();
    await section.getByRole('button', { name: `Add to my review: return section ${RETURNED}` }).click();
    const comment = rev.locator('#comment-section-1-1-b');
    await expect.poll(() => comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toContain('comment-section-1-1-b-error');
    expect(await rev.locator('#comment-section-1-1-b-error').textContent()).toContain('must not be empty');
    await expectAccessible(rev, 'review report (comment error)');
    await screenshot(rev, '08-return-comment-error');

    await rev.locator('#comment-section-1-1-b').fill(RETURN_COMMENT);
    await rev.locator('#section-1-1-b').getByRole('button', { name: `Add to my review: return section ${RETURNED}` }).click();
    await expect.poll(() => rev.locator('#section-1-1-b #flash').textContent()).toContain('Added to your review');
    // Nothing is applied yet: the section is still submitted, the review summary counts it.
    expect(await rev.locator('#section-1-1-b .status').textContent()).toContain('Submitted');
    expect(await rev.locator('#review').textContent()).toContain('0 approved, 1 to return');
    await rev.getByRole('button', { name: 'Send review to Montenegro' }).click();
    await expect.poll(() => rev.locator('h1').textContent()).toBe('Send your review to Montenegro?');
    expect(await rev.locator('.consequences').textContent()).toContain(`This section goes back to Montenegro with your comments: ${RETURNED}.`);
    await rev.getByRole('button', { name: 'Yes, send the review' }).click();
    await expect.poll(() => rev.getByText('Your review has been sent.').count()).toBe(1);
    expect(await rev.locator('#section-1-1-b .status').textContent()).toContain('Returned');
    expect(await rev.locator('#section-1-1-b .thread').textContent()).toContain(RETURN_COMMENT);
  });

  it('shows the rapporteur the returned section with the comment above the answer, takes an attachment and a resubmission', async () => {
    await rap.goto('/reports/2014/ME');
    expect(await rap.locator('.notice-warning').textContent()).toContain('One section returned with a comment');
    expect(await rap.locator('.notice-warning').textContent()).toContain('revise the answer or reply to the reviewers');
    await rap.locator('.notice-warning').getByRole('link', { name: `Section ${RETURNED}` }).click();
    expect(await rap.locator('#return-comment').textContent()).toBe(RETURN_COMMENT);
    // The comment comes before the editor.
    const commentFirst = await rap.evaluate(() => {
      const comment = document.getElementById('return-comment')!;
      const editor = document.getElementById('answer-text')!;
      return Boolean(comment.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(commentFirst).toBe(true);
    await expectAccessible(rap, 'returned section');

    await rap.getByLabel(`Answer to ${RETURNED}`).fill(`${answerFor(RETURNED)}\n\nIn 2014, 12 victims were identified.`);
    await rap.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => rap.getByText('Your answer has been saved.').count()).toBe(1);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await rap.getByLabel('Add a file').setInputFiles({ name: 'victims-2014.pdf', mimeType: 'application/pdf', buffer: pdf });
    expect(await rap.locator('progress#upload-progress').count()).toBe(1);
    await rap.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => rap.locator('.attachments-list li').count(), { timeout: 15_000 }).toBe(1);
    expect(await rap.locator('.attachments-list').textContent()).toContain('victims-2014.pdf');
    await expectAccessible(rap, 'returned section (with attachment)');
    await screenshot(rap, '09-returned-section');

    // A second file, removed again.
    await rap.getByLabel('Add a file').setInputFiles({ name: 'draft-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('notes to remove') });
    await rap.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => rap.locator('.attachments-list li').count(), { timeout: 15_000 }).toBe(2);
    await rap.getByRole('button', { name: 'Remove draft-notes.txt' }).click();
    await expect.poll(() => rap.getByText('The attachment has been removed.').count()).toBe(1);
    expect(await rap.locator('.attachments-list li').count()).toBe(1);

    // The download link leads to the file's bytes.
    const href = await rap.locator('.attachments-list a').getAttribute('href');
    const download = await rapporteur.request.get(href!);
    expect(download.status()).toBe(200);
    expect((await download.body()).toString()).toContain('%PDF-1.4');

    await rap.goto('/reports/2014/ME');
    expect(await rap.locator('.notice-warning').textContent()).toContain('revised');
    await rap.getByRole('button', { name: 'Submit the report' }).click();
    expect(await rap.locator('.consequences').textContent()).toContain(`1 revised section goes back to the reviewers: ${RETURNED}.`);
    await rap.getByRole('button', { name: 'Yes, submit the report' }).click();
    await expect.poll(() => rap.getByText('The report has been submitted for review.').count()).toBe(1);
  }, 60_000);

  it('lets the reviewer approve every section, then the report', async () => {
    await rev.goto('/reports/2014/ME');
    expect(await rev.locator('#section-1-1-b .attachments-list').textContent()).toContain('victims-2014.pdf');
    // The revised section is marked as changed since the review.
    expect(await rev.locator('#section-1-1-b').textContent()).toContain('Changed since the review');
    for (const id of SECTION_IDS) {
      await rev.getByRole('button', { name: `Approve section ${id}` }).click();
      await expect.poll(() => rev.locator(`#section-${id.toLowerCase().replaceAll('.', '-')} #flash`).count(), { message: `approving ${id}` }).toBe(1);
    }
    expect(await rev.locator('#review').textContent()).toContain('21 approved, 0 to return');
    await rev.getByRole('button', { name: 'Send review to Montenegro' }).click();
    await rev.getByRole('button', { name: 'Yes, send the review' }).click();
    await expect.poll(() => rev.getByText('Your review has been sent.').count()).toBe(1);
    const approve = rev.getByRole('button', { name: 'Approve the report' });
    expect(await approve.isDisabled()).toBe(false);
    await approve.click();
    await rev.getByRole('button', { name: 'Yes, approve the report' }).click();
    await expect.poll(() => rev.locator('#flash').textContent()).toContain('The report has been approved.');
    expect(await rev.locator('.meta-list .status').first().textContent()).toContain('Approved');
    await expectAccessible(rev, 'review report (approved)');
  }, 60_000);

  it('lets an admin publish, read the history and export the report', async () => {
    const page = await admin.newPage();
    await signIn(page, 'Administrator');
    await page.goto('/reports/2014/ME');
    await page.getByRole('button', { name: 'Publish the report' }).click();
    await page.getByRole('button', { name: 'Yes, publish the report' }).click();
    await expect.poll(() => page.getByText('The report has been published and is now public.').count()).toBe(1);
    await expectAccessible(page, 'admin report (published)');
    await screenshot(page, '10-admin-published');

    await page.getByRole('link', { name: 'History of this report' }).first().click();
    const rows = page.locator('table tbody tr');
    expect(await rows.filter({ hasText: `Sent a review: returned ${RETURNED} to the country.` }).filter({ hasText: RETURN_COMMENT }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Sent a review: approved 1.1.A, 1.1.B' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Published the report' }).filter({ hasText: 'Administrator' }).count()).toBe(1);
    await expectAccessible(page, 'history');
    await screenshot(page, '11-history');

    await page.goBack();
    await page.getByRole('link', { name: 'Export as HTML (printable)' }).first().click();
    expect(await page.locator('h1').textContent()).toBe(info.cycle.form.title);
    expect(await page.locator('body').textContent()).toContain('12 victims were identified');
    await expectAccessible(page, 'export (HTML)');
    const md = await admin.request.get('/reports/2014/ME/export.md');
    expect(md.headers()['content-type']).toContain('text/markdown');
    expect(await md.text()).toContain('MONTENEGRO');
    await page.close();
  });

  it('lets an anonymous visitor read the published report, and nothing unpublished', async () => {
    const page = await visitor.newPage();
    await page.goto('/public/2014');
    await page.getByRole('link', { name: 'Montenegro' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/public/2014/ME');
    expect(await page.locator('#section-1-1-b').textContent()).toContain('12 victims were identified');
    expect(await page.locator('#section-2-2-c').textContent()).toContain('Nothing to report');
    await expectAccessible(page, 'public report');
    await screenshot(page, '12-public-report');
    await page.goto('/public/2014');
    await expectAccessible(page, 'public list');

    const unpublished = await page.goto('/public/2014/XK');
    expect(unpublished?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await expectAccessible(page, 'not found');
    await page.close();
  });
});
