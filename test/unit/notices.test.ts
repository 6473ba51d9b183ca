/** The notice rules (pure): audiences, preferences, reminders due, and mails that carry no answer or comment text. */
import { describe, expect, it } from 'vitest';
import { renderMail } from '../../shared/notices/mail';
import { sesFromAddress, sesSendEmailInput } from '../../shared/notices/ses-mailer';
import { NOTICE_FILTER_PATTERN, matchesNoticeFilter } from '../../shared/notices/stream';
import { newNotice, transitionNotice } from '../../shared/store/notice-items';
import { NOTICE_KINDS, NOTICES_BY_ACTION, noticesFor, recipientsOf, reminderDue, type Person } from '../../shared/workflow';

const person = (id: string, role: Person['role'], country?: string, extra: Partial<Person> = {}): Person => ({ id, email: `${id}@x.test`, name: id, role, ...(country ? { country } : {}), disabled: false, preferences: { replies: true }, ...extra });
const people = [person('me1', 'rapporteur', 'ME'), person('me2', 'rapporteur', 'ME', { disabled: true }), person('xk', 'rapporteur', 'XK'), person('rev1', 'reviewer'), person('rev2', 'reviewer', undefined, { preferences: { replies: false } }), person('adm', 'admin')];
const ids = (list: Person[]) => list.map((p) => p.id);

describe('recipients', () => {
  it('reaches exactly each kind audience, never a disabled person or another country', () => {
    expect(ids(recipientsOf({ kind: 'reviewSent', country: 'ME' }, people))).toEqual(['me1']);
    expect(ids(recipientsOf({ kind: 'reportSubmitted', country: 'ME' }, people))).toEqual(['rev1', 'rev2']);
    expect(ids(recipientsOf({ kind: 'reportPublished', country: 'XK' }, people))).toEqual(['xk']);
    expect(ids(recipientsOf({ kind: 'deadlineOverdue', country: 'ME' }, people))).toEqual(['me1']);
    expect(ids(recipientsOf({ kind: 'replyOnReturn', country: 'ME' }, people, { returningReviewer: 'rev1' }))).toEqual(['rev1']);
    // Turned off: nobody; a rapporteur is never the "returning reviewer".
    expect(ids(recipientsOf({ kind: 'replyOnReturn', country: 'ME' }, people, { returningReviewer: 'rev2' }))).toEqual([]);
    expect(ids(recipientsOf({ kind: 'replyOnReturn', country: 'ME' }, people, { returningReviewer: 'me1' }))).toEqual([]);
    expect(ids(recipientsOf({ kind: 'replyOnReturn', country: 'ME' }, people))).toEqual([]);
  });

  it('lists what a person will be told; only replies are optional', () => {
    expect(noticesFor({ role: 'reviewer', preferences: { replies: false } })).toEqual([
      { kind: 'reportSubmitted', describe: expect.any(String), optional: false, on: true },
      { kind: 'replyOnReturn', describe: expect.any(String), optional: true, on: false },
    ]);
    expect(noticesFor({ role: 'rapporteur', preferences: { replies: true } }).every((n) => !n.optional && n.on)).toBe(true);
  });

  it('maps the transitions someone must act on to their notices', () => {
    expect(NOTICES_BY_ACTION).toMatchObject({ sendReview: 'reviewSent', submitReport: 'reportSubmitted', replyOnSection: 'replyOnReturn', approveReport: 'reportApproved', publishReport: 'reportPublished' });
    expect(NOTICES_BY_ACTION.saveSection).toBeUndefined();
    const event = { version: 3, at: '2014-10-01T00:00:00.000Z', action: 'sendReview' as const, actor: { sub: 'r', name: 'R' }, reportStatus: { from: 'submitted' as const, to: 'returned' as const }, sections: [], review: { decisions: [{ section: '1.1.A', verdict: 'return' as const, comment: 'secret' }, { section: '1.1.B', verdict: 'approve' as const }] } };
    const notice = transitionNotice(event, '2014', 'ME')!;
    expect(notice).toMatchObject({ kind: 'reviewSent', cycle: '2014', country: 'ME', counts: { returned: 1, approved: 1 }, status: 'pending', attempts: 0 });
    expect(JSON.stringify(notice)).not.toContain('secret');
  });
});

describe('reminders', () => {
  const cycle = { deadline: '2015-09-30T23:59:59Z', extensions: { XK: { deadline: '2015-10-31T23:59:59Z', reason: 'r', by: { sub: 'a', name: 'A' }, at: '2015-09-01T00:00:00Z' } } } as never;
  it('falls due 7 days and 1 day before the deadline (with its extension) and once overdue, never once submitted', () => {
    expect(reminderDue(cycle, 'ME', false, new Date('2015-09-20T00:00:00Z'))).toBeUndefined();
    expect(reminderDue(cycle, 'ME', false, new Date('2015-09-24T00:00:00Z'))).toBe('deadlineIn7Days');
    expect(reminderDue(cycle, 'ME', false, new Date('2015-09-30T00:00:00Z'))).toBe('deadlineIn1Day');
    expect(reminderDue(cycle, 'ME', false, new Date('2015-10-01T00:00:00Z'))).toBe('deadlineOverdue');
    expect(reminderDue(cycle, 'XK', false, new Date('2015-10-01T00:00:00Z'))).toBeUndefined();
    expect(reminderDue(cycle, 'ME', true, new Date('2015-10-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('mails', () => {
  it('every kind has a subject, a link in text and HTML, and escapes names', () => {
    for (const kind of NOTICE_KINDS) {
      const mail = renderMail(newNotice({ kind, cycle: '2015', country: 'ME', section: '1.1.A', deadline: '2015-09-30T23:59:59Z', counts: { returned: 2, approved: 19, sections: 21 } }, '2015-09-01T00:00:00Z'), { email: 'a@x.test', name: '<Ana>' }, { baseUrl: 'https://r.test/', countryName: () => 'Montenegro' });
      expect(mail.subject).toContain('Montenegro');
      expect(mail.text).toContain('https://r.test/');
      expect(mail.html).toContain('href="https://r.test/');
      expect(mail.html).not.toContain('<Ana>');
    }
  });

  it('goes to SES as one simple UTF-8 message to its one recipient, with the configuration set when there is one', () => {
    const mail = { to: 'ana@me.test', subject: 'Crna Gora: pregled – 2 odjeljka', text: 'Tekst č', html: '<p>Tekst č</p>' };
    expect(sesSendEmailInput(mail, { from: 'Alliance Reporting <no-reply@r.test>', configurationSet: 'reporting' })).toEqual({
      FromEmailAddress: 'Alliance Reporting <no-reply@r.test>',
      Destination: { ToAddresses: ['ana@me.test'] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'reporting',
    });
    expect(sesSendEmailInput(mail, { from: 'no-reply@r.test' })).not.toHaveProperty('ConfigurationSetName');
  });

  it('gives SES a sender it accepts: a display name beyond ASCII as a MIME encoded-word, specials quoted', () => {
    expect(sesFromAddress('no-reply@r.test')).toBe('no-reply@r.test');
    expect(sesFromAddress('Alliance Reporting <no-reply@r.test>')).toBe('Alliance Reporting <no-reply@r.test>');
    const encoded = sesFromAddress('Alliance – Izvještavanje <no-reply@r.test>');
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <no-reply@r\.test>$/);
    expect(Buffer.from(encoded.split('?')[3]!, 'base64').toString('utf8')).toBe('Alliance – Izvještavanje');
    expect(sesFromAddress('Secretariat, Alliance <no-reply@r.test>')).toBe('"Secretariat, Alliance" <no-reply@r.test>');
    expect(sesFromAddress('"Secretariat, Alliance" <no-reply@r.test>')).toBe('"Secretariat, Alliance" <no-reply@r.test>');
    expect(sesFromAddress('"The \\"Alliance\\"" <no-reply@r.test>')).toBe('"The \\"Alliance\\"" <no-reply@r.test>');
    expect(sesSendEmailInput({ to: 'a@r.test', subject: 's', text: 't', html: 'h' }, { from: 'Čć <x@r.test>' }).FromEmailAddress).toMatch(/^=\?UTF-8\?B\?/);
  });
});

describe('the stream filter', () => {
  it('passes inserted notice items only, as the event source mapping pattern says', () => {
    expect(NOTICE_FILTER_PATTERN).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['notice'] } } } });
    expect(matchesNoticeFilter({ eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'notice' } } } })).toBe(true);
    expect(matchesNoticeFilter({ eventName: 'MODIFY', dynamodb: { NewImage: { type: { S: 'notice' } } } })).toBe(false);
    expect(matchesNoticeFilter({ eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'delivery' } } } })).toBe(false);
    expect(matchesNoticeFilter({ eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'comment' } } } })).toBe(false);
    expect(matchesNoticeFilter({ eventName: 'REMOVE' })).toBe(false);
  });
});
