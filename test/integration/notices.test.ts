/**
 * People and notices through the real pieces: the directory API over DynamoDB Local, notices written
 * in the transitions' own transactions, DynamoDB Local's stream consumed by the notifier's handler,
 * mail over SMTP into MailDev, read back through MailDev's REST API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { smtpMailer } from '../../shared/notices/mailer';
import { handleStreamRecords } from '../../shared/notices/stream';
import { runReminders } from '../../shared/usecases/reminders';
import { startTestApi, type TestApi } from '../support/api';
import { BASE_URL, startNotices, type ReceivedMail, type TestNotices } from '../support/notices';

let api: TestApi;
let notices: TestNotices;
/** Mails the flaky mailer must still fail (it sends to a closed port first). */
let failNext = 0;

interface Person {
  id: string;
  email: string;
  token: string;
}
const people: Record<string, Person> = {};

const SECRET_ANSWER = 'ANSWER-TEXT-NEVER-MAILED';
const SECRET_COMMENT = 'COMMENT-TEXT-NEVER-MAILED';
const SECRET_REPLY = 'REPLY-TEXT-NEVER-MAILED';

async function json(response: Response, status = 200) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return text ? JSON.parse(text) : undefined;
}

async function invite(key: string, body: { email: string; name: string; role: string; country?: string }) {
  const person = await json(await api.call('POST', '/users', { token: api.tokens.admin, body }), 201);
  const token = await api.issuer.sign({ sub: person.id, name: person.name, roles: [body.role as 'rapporteur'], ...(body.country ? { country: body.country } : {}) });
  people[key] = { id: person.id, email: person.email, token };
}

beforeAll(async () => {
  api = await startTestApi();
  notices = await startNotices(api, {
    mailer: (real) => {
      const closed = smtpMailer({ host: '127.0.0.1', port: 1, from: 'x@reporting.test' });
      return { send: async (mail) => (failNext > 0 ? (failNext--, closed.send(mail)) : real.send(mail)) };
    },
  });
  await invite('me', { email: 'rapporteur@me.test', name: 'Rapporteur of Montenegro', role: 'rapporteur', country: 'ME' });
  await invite('meGone', { email: 'former@me.test', name: 'Former Rapporteur', role: 'rapporteur', country: 'ME' });
  await invite('xk', { email: 'rapporteur@xk.test', name: 'Rapporteur of Kosovo', role: 'rapporteur', country: 'XK' });
  await invite('rev1', { email: 'reviewer1@secretariat.test', name: 'Reviewer One', role: 'reviewer' });
  await invite('rev2', { email: 'reviewer2@secretariat.test', name: 'Reviewer Two', role: 'reviewer' });
  await invite('admin', { email: 'admin@secretariat.test', name: 'Admin', role: 'admin' });
  await json(await api.call('DELETE', `/users/${people.meGone!.id}`, { token: api.tokens.admin }));
});
afterAll(async () => {
  await notices?.stop();
  await api?.close();
});

const path = (country: string) => `/cycles/2014/reports/${country}`;
const mailsTo = (key: string) => notices.to(people[key]!.email);
const subjects = (mails: ReceivedMail[]) => mails.map((m) => m.subject);

function expectClean(mail: ReceivedMail) {
  for (const secret of [SECRET_ANSWER, SECRET_COMMENT, SECRET_REPLY]) {
    expect(mail.text).not.toContain(secret);
    expect(mail.html).not.toContain(secret);
    expect(mail.subject).not.toContain(secret);
  }
  expect(mail.text).toContain(BASE_URL);
  expect(mail.html).toContain(`href="${BASE_URL}`);
}

describe('directory', () => {
  it('refuses bad input naming the field, a duplicate email, and anyone but an admin', async () => {
    const bad = await json(await api.call('POST', '/users', { token: api.tokens.admin, body: { email: 'not-an-email', name: 'X', role: 'reviewer' } }), 400);
    expect(bad.errors.map((e: { path: string }) => e.path)).toContain('body.email');
    const noCountry = await json(await api.call('POST', '/users', { token: api.tokens.admin, body: { email: 'a@b.test', name: 'X', role: 'rapporteur' } }), 400);
    expect(noCountry.errors.map((e: { path: string }) => e.path)).toEqual(['body.country']);
    const notParticipant = await json(await api.call('POST', '/users', { token: api.tokens.admin, body: { email: 'a@b.test', name: 'X', role: 'rapporteur', country: 'ZZ' } }), 400);
    expect(notParticipant.errors.map((e: { path: string }) => e.path)).toEqual(['body.country']);
    await json(await api.call('POST', '/users', { token: api.tokens.admin, body: { email: 'REVIEWER1@secretariat.test', name: 'Again', role: 'reviewer' } }), 409);
    await json(await api.call('GET', '/users', { token: api.tokens.reviewer }), 403);
    await json(await api.call('POST', '/users', { token: people.me!.token, body: { email: 'c@d.test', name: 'X', role: 'admin' } }), 403);
    const list = await json(await api.call('GET', '/users', { token: api.tokens.admin }));
    expect(list.users.map((u: { email: string }) => u.email)).toContain('reviewer1@secretariat.test');
    expect(list.users.find((u: { email: string }) => u.email === 'former@me.test').disabled).toBe(true);
  });

  it('edits a person; a rapporteur without a participant country is refused', async () => {
    const changed = await json(await api.call('PATCH', `/users/${people.rev2!.id}`, { token: api.tokens.admin, body: { name: 'Reviewer Two (secretariat)' } }));
    expect(changed.name).toBe('Reviewer Two (secretariat)');
    const bad = await json(await api.call('PATCH', `/users/${people.rev2!.id}`, { token: api.tokens.admin, body: { role: 'rapporteur' } }), 400);
    expect(bad.errors[0].path).toBe('body.country');
    await json(await api.call('PATCH', '/users/nobody', { token: api.tokens.admin, body: { name: 'X' } }), 404);
  });

  it('shows a person what they will be told; replies can be turned off, mandatory notices stay', async () => {
    const mine = await json(await api.call('GET', '/me/notices', { token: people.me!.token }));
    expect(mine.notices.map((n: { kind: string }) => n.kind)).toEqual(['reviewSent', 'reportApproved', 'reportPublished', 'sectionReopened', 'deadlineIn7Days', 'deadlineIn1Day', 'deadlineOverdue']);
    expect(mine.notices.every((n: { optional: boolean }) => !n.optional)).toBe(true);
    const reviewer = await json(await api.call('GET', '/me/notices', { token: people.rev2!.token }));
    expect(reviewer.notices.find((n: { kind: string }) => n.kind === 'replyOnReturn')).toMatchObject({ optional: true, on: true });
  });
});

describe('notices through the stream to MailDev', () => {
  it('tells each kind to exactly its recipients, with a link and without answer or comment text', async () => {
    // The country submits: both reviewers, nobody else.
    const me = people.me!.token;
    const report = await json(await api.call('GET', path('ME'), { token: me }));
    for (const section of report.sections) {
      await json(await api.call('PUT', `${path('ME')}/sections/${section.id}`, { token: me, headers: { 'if-match': section.etag }, body: { text: `${SECRET_ANSWER} ${section.id}` } }));
    }
    await json(await api.call('POST', `${path('ME')}/submit`, { token: me }));
    await notices.settled();
    expect(subjects(await mailsTo('rev1'))).toEqual(['2014 report of Montenegro submitted']);
    expect(subjects(await mailsTo('rev2'))).toEqual(['2014 report of Montenegro submitted']);
    expect(await notices.inbox()).toHaveLength(2);

    // A review returning one section: the country's rapporteur (not the disabled one, not Kosovo's).
    const sections: string[] = report.sections.map((s: { id: string }) => s.id);
    const decisions = sections.map((id) => (id === '1.1.B' ? { section: id, verdict: 'return', comment: SECRET_COMMENT } : { section: id, verdict: 'approve' }));
    await json(await api.call('POST', `${path('ME')}/reviews`, { token: people.rev1!.token, body: { decisions, summary: SECRET_COMMENT } }));
    await notices.settled();
    const review = await mailsTo('me');
    expect(subjects(review)).toEqual(['2014 report of Montenegro: review sent']);
    expect(review[0]!.text).toContain('1 section returned, 20 sections approved');
    expect(review[0]!.text).toContain(`${BASE_URL}/reports/2014/ME`);

    // The country replies on the returned section: the reviewer who returned it only.
    await json(await api.call('POST', `${path('ME')}/sections/1.1.B/comments`, { token: me, body: { text: SECRET_REPLY } }), 201);
    await notices.settled();
    expect(subjects(await mailsTo('rev1'))).toEqual(['2014 report of Montenegro submitted', '2014 report of Montenegro: reply on section 1.1.B']);
    expect(await mailsTo('rev2')).toHaveLength(1);

    // Turned off, replies no longer reach that reviewer.
    await json(await api.call('PUT', '/me/preferences', { token: people.rev1!.token, body: { replies: false } }));
    await json(await api.call('POST', `${path('ME')}/sections/1.1.B/comments`, { token: me, body: { text: `${SECRET_REPLY} again` } }), 201);
    await notices.settled();
    expect(await mailsTo('rev1')).toHaveLength(2);

    // Resubmitted: the reviewers again; approved and published: the country's rapporteur.
    await json(await api.call('POST', `${path('ME')}/submit`, { token: me }));
    await notices.settled();
    expect(subjects(await mailsTo('rev2'))).toEqual(['2014 report of Montenegro submitted', '2014 report of Montenegro resubmitted']);
    await json(await api.call('POST', `${path('ME')}/reviews`, { token: people.rev1!.token, body: { decisions: [{ section: '1.1.B', verdict: 'approve' }] } }));
    await json(await api.call('POST', `${path('ME')}/approve`, { token: people.rev1!.token }));
    await json(await api.call('POST', `${path('ME')}/publish`, { token: people.admin!.token }));
    await notices.settled();
    expect(subjects(await mailsTo('me'))).toEqual([
      '2014 report of Montenegro: review sent',
      '2014 report of Montenegro: review sent',
      '2014 report of Montenegro approved',
      '2014 report of Montenegro published',
    ]);

    // None to other countries, none to the disabled rapporteur or the admin; nothing sensitive anywhere.
    expect(await mailsTo('xk')).toEqual([]);
    expect(await mailsTo('meGone')).toEqual([]);
    expect(await mailsTo('admin')).toEqual([]);
    const all = await notices.inbox();
    expect(all).toHaveLength(9);
    for (const mail of all) expectClean(mail);

    // The outbox, for admins: every notice sent.
    const outbox = await json(await api.call('GET', '/notifications?cycle=2014&country=ME', { token: api.tokens.admin }));
    expect(outbox.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual(
      ['reportSubmitted', 'reviewSent', 'replyOnReturn', 'replyOnReturn', 'reportSubmitted', 'reviewSent', 'reportApproved', 'reportPublished'].sort(),
    );
    expect(outbox.notifications.every((n: { status: string }) => n.status === 'sent')).toBe(true);
    expect(JSON.stringify(outbox)).not.toContain(SECRET_REPLY);
    await json(await api.call('GET', '/notifications', { token: api.tokens.reviewer }), 403);

    // A correction after publication: reopening the report tells nobody; reopening a section tells the country's rapporteur, without the reason.
    await json(await api.call('POST', `${path('ME')}/reopen`, { token: people.admin!.token, body: { reason: SECRET_COMMENT } }));
    await json(await api.call('POST', `${path('ME')}/sections/1.1.B/reopen`, { token: people.admin!.token, body: { reason: SECRET_COMMENT } }));
    await notices.settled();
    const reopened = (await mailsTo('me')).at(-1)!;
    expect(reopened.subject).toBe('2014 report of Montenegro: section 1.1.B reopened for a correction');
    expect(reopened.text).toContain(`${BASE_URL}/reports/2014/ME/sections/1.1.B`);
    expectClean(reopened);
    expect(await notices.inbox()).toHaveLength(10);
  });

  it('survives a failed first delivery and mails once; a record given twice mails nobody twice', async () => {
    const before = (await mailsTo('rev1')).length;
    failNext = 1;
    const xk = people.xk!.token;
    const report = await json(await api.call('GET', path('XK'), { token: xk }));
    for (const section of report.sections) {
      await json(await api.call('PUT', `${path('XK')}/sections/${section.id}`, { token: xk, headers: { 'if-match': section.etag }, body: { text: 'Answer' } }));
    }
    await json(await api.call('POST', `${path('XK')}/submit`, { token: xk }));
    await notices.settled();
    expect(failNext).toBe(0);
    expect(subjects(await mailsTo('rev1')).slice(before)).toEqual(['2014 report of Kosovo submitted']);
    const [notice] = (await json(await api.call('GET', '/notifications?cycle=2014&country=XK', { token: api.tokens.admin }))).notifications;
    expect(notice).toMatchObject({ status: 'sent', attempts: 2, recipients: 2 });

    // The stream gives the same record again (a retried batch): nobody is mailed again.
    const count = (await notices.inbox()).length;
    const image = marshall({ pk: 'OUTBOX#2014', sk: `NOTICE#${notice.at}#${notice.id}`, type: 'notice', ...notice }, { removeUndefinedValues: true });
    expect(unmarshall(image).id).toBe(notice.id);
    await handleStreamRecords(notices.deps, [{ eventName: 'INSERT', dynamodb: { NewImage: image } }]);
    expect(await notices.inbox()).toHaveLength(count);
  });

  it('marks a notice failed after its last try', async () => {
    failNext = 100;
    await json(await api.call('POST', `${path('XK')}/sections/1.1.A/return`, { token: people.rev1!.token, body: { comment: SECRET_COMMENT } }));
    await notices.settled();
    failNext = 0;
    const failed = (await json(await api.call('GET', '/notifications?cycle=2014&status=failed', { token: api.tokens.admin }))).notifications;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ kind: 'reviewSent', country: 'XK', attempts: 3, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect(await mailsTo('xk')).toEqual([]);
  });
});

describe('reminders', () => {
  it('reminds only rapporteurs of participants that have not submitted, once per kind however often it runs', async () => {
    await invite('al', { email: 'rapporteur@al.test', name: 'Rapporteur of Albania', role: 'rapporteur', country: 'AL' });
    const deps = { cycles: api.deps.cycles, reports: api.deps.reports, outbox: api.deps.outbox };
    // ME (published) and XK (submitted) are not reminded; AL, which never submitted, is.
    const first = await runReminders(deps, new Date('2014-09-30T06:00:00Z'));
    expect(first.written.filter((r) => ['ME', 'XK', 'AL'].includes(r.country))).toEqual([{ cycle: '2014', country: 'AL', kind: 'deadlineIn1Day' }]);
    const again = await runReminders(deps, new Date('2014-09-30T18:00:00Z'));
    expect(again.written).toEqual([]);
    expect(again.alreadySent).toBe(first.written.length);
    await notices.settled();
    const mails = await mailsTo('al');
    expect(subjects(mails)).toEqual(['2014 report of Albania: deadline tomorrow (2014-09-30)']);
    expectClean(mails[0]!);
    // Once overdue: one more, once.
    await runReminders(deps, new Date('2014-10-02T06:00:00Z'));
    await runReminders(deps, new Date('2014-10-02T07:00:00Z'));
    await notices.settled();
    expect(subjects(await mailsTo('al'))).toEqual(['2014 report of Albania: deadline tomorrow (2014-09-30)', '2014 report of Albania: overdue since 2014-09-30']);
    expect(subjects(await mailsTo('me')).filter((s) => /deadline|overdue/.test(s))).toEqual([]);
    expect(subjects(await mailsTo('xk')).filter((s) => /deadline|overdue/.test(s))).toEqual([]);
    expect(await mailsTo('meGone')).toEqual([]);
  });
});
