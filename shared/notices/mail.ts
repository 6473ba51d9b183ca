/**
 * A notice as a mail, in plain text and HTML: what happened, counts and links to the pages. It is
 * built from the notice's facts only (addresses, counts, dates), so it can never carry answer or
 * comment text: the subject matter is sensitive.
 */
import { sectionAnchor } from '../../functions/web/paths';
import type { Person } from '../workflow';
import type { Notice } from '../store/notice-items';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderMail(notice: Notice, person: Pick<Person, 'email' | 'name'>, options: { baseUrl: string; countryName: (code: string) => string }): Mail {
  const base = options.baseUrl.replace(/\/$/, '');
  const country = options.countryName(notice.country);
  const report = `${base}/reports/${encodeURIComponent(notice.cycle)}/${encodeURIComponent(notice.country)}`;
  const dashboard = `${base}/reports/${encodeURIComponent(notice.cycle)}`;
  const deadline = notice.deadline?.slice(0, 10);
  const c = notice.counts ?? {};
  let subject: string;
  let lines: string[];
  let link: string;
  switch (notice.kind) {
    case 'reviewSent':
      subject = `${notice.cycle} report of ${country}: review sent`;
      lines = [`A review of the ${notice.cycle} report of ${country} was sent: ${plural(c.returned ?? 0, 'section')} returned, ${plural(c.approved ?? 0, 'section')} approved.`, (c.returned ?? 0) > 0 ? 'Please revise or answer the returned sections and submit the report again.' : 'Nothing is asked of you for now.'];
      link = report;
      break;
    case 'reportSubmitted':
      subject = `${notice.cycle} report of ${country} ${notice.resubmitted ? 'resubmitted' : 'submitted'}`;
      lines = [`${country} ${notice.resubmitted ? 'resubmitted' : 'submitted'} its ${notice.cycle} report (${plural(c.sections ?? 0, 'section')} to review).`];
      link = dashboard;
      break;
    case 'replyOnReturn':
      subject = `${notice.cycle} report of ${country}: reply on section ${notice.section}`;
      lines = [`${country} replied on section ${notice.section}, which you returned.`, 'You can turn these notices off on your page.'];
      link = `${report}#${sectionAnchor(notice.section ?? '')}`;
      break;
    case 'reportApproved':
      subject = `${notice.cycle} report of ${country} approved`;
      lines = [`The ${notice.cycle} report of ${country} was approved. It will be published by the secretariat.`];
      link = report;
      break;
    case 'reportPublished':
      subject = `${notice.cycle} report of ${country} published`;
      lines = [`The ${notice.cycle} report of ${country} was published.`];
      link = `${base}/public/${encodeURIComponent(notice.cycle)}/${encodeURIComponent(notice.country)}`;
      break;
    case 'sectionReopened':
      subject = `${notice.cycle} report of ${country}: section ${notice.section} reopened for a correction`;
      lines = [`The secretariat reopened section ${notice.section} of the ${notice.cycle} report of ${country}, which was approved: the reason is in the section's conversation.`, 'Please correct the section, or answer in its conversation, and submit the report again.'];
      link = `${report}/sections/${encodeURIComponent(notice.section ?? '')}`;
      break;
    case 'deadlineIn7Days':
    case 'deadlineIn1Day':
      subject = `${notice.cycle} report of ${country}: deadline ${notice.kind === 'deadlineIn1Day' ? 'tomorrow' : 'in 7 days'} (${deadline})`;
      lines = [`The ${notice.cycle} report of ${country} is due on ${deadline} and has not been submitted yet.`];
      link = report;
      break;
    case 'deadlineOverdue':
      subject = `${notice.cycle} report of ${country}: overdue since ${deadline}`;
      lines = [`The ${notice.cycle} report of ${country} was due on ${deadline} and has not been submitted yet.`];
      link = report;
      break;
  }
  const greeting = `Dear ${person.name},`;
  const footer = 'Alliance Reporting';
  return {
    to: person.email,
    subject,
    text: [greeting, '', ...lines, '', `Open: ${link}`, '', footer, ''].join('\n'),
    html: `<!doctype html><html lang="en"><body><p>${escape(greeting)}</p>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}<p><a href="${escape(link)}">Open the page</a></p><p>${footer}</p></body></html>`,
  };
}
