/**
 * The directory's pages (admins: invite, edit, disable people) and a person's own page (what they
 * will be told, and the notices they may turn off).
 */
import type { FC } from 'hono/jsx';
import type { Participant } from '../../../shared/form';
import type { Notice as NoticeView } from '../../../shared/store/notice-items';
import { ROLES, type NoticeKind, type Person } from '../../../shared/workflow';
import { Breadcrumbs, Csrf, ErrorMessage, ErrorSummary, Flash, Layout, Time, type FieldErrorView, type PageContext } from '../layout';
import { accountPath, adminPeoplePath, adminPersonPath } from '../paths';
import { Field } from './cycles';

const ROLE_TEXT = { rapporteur: 'Rapporteur', reviewer: 'Reviewer', admin: 'Administrator' } as const;

const CountrySelect: FC<{ id: string; participants: Participant[]; value: string | undefined; errors: FieldErrorView[] }> = ({ id, participants, value, errors }) => {
  const error = errors.find((e) => e.field === id);
  return (
    <div class="field">
      <label for={id}>Country</label>
      <span class="hint" id={`${id}-hint`}>
        Rapporteurs only: the participant they report for.
      </span>
      <ErrorMessage field={id} error={error} />
      <select id={id} name="country" aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? 'true' : undefined}>
        <option value="">None (reviewer or administrator)</option>
        {participants.map((p) => (
          <option value={p.code} selected={p.code === value}>
            {p.name} ({p.code})
          </option>
        ))}
      </select>
    </div>
  );
};

const RoleSelect: FC<{ id: string; value: string | undefined }> = ({ id, value }) => (
  <div class="field">
    <label for={id}>Role</label>
    <select id={id} name="role">
      {ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {ROLE_TEXT[r]}
        </option>
      ))}
    </select>
  </div>
);

export const PeoplePage: FC<{ ctx: PageContext; people: Person[]; participants: Participant[]; errors?: FieldErrorView[]; typed?: Record<string, string>; flash?: string | undefined }> = ({ ctx, people, participants, errors = [], typed = {}, flash }) => (
  <Layout ctx={ctx} title="People">
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'People' }]} />
    <ErrorSummary errors={errors} />
    <h1>People</h1>
    <Flash message={flash} />
    <div class="table-scroll" role="region" aria-labelledby="people-caption" tabindex={0}>
      <table class="data">
        <caption id="people-caption">Everyone in the directory, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Country</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr>
              <th scope="row">
                <a href={ctx.href(adminPersonPath(p.id))}>
                  {p.name}
                  <span class="visually-hidden">: edit</span>
                </a>
              </th>
              <td>{p.email}</td>
              <td>{ROLE_TEXT[p.role]}</td>
              <td>{p.country ? (participants.find((c) => c.code === p.country)?.name ?? p.country) : '—'}</td>
              <td>{p.disabled ? <span class="mark mark-overdue">Disabled</span> : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <section aria-labelledby="invite-heading" class="panel">
      <h2 id="invite-heading">Invite a person</h2>
      <form method="post" action={ctx.href(adminPeoplePath)} novalidate>
        <Csrf ctx={ctx} />
        <Field id="invite-email" name="email" label="Email" type="email" value={typed.email} errors={errors} />
        <Field id="invite-name" name="name" label="Name" value={typed.name} errors={errors} />
        <RoleSelect id="invite-role" value={typed.role ?? 'rapporteur'} />
        <CountrySelect id="invite-country" participants={participants} value={typed.country} errors={errors} />
        <button type="submit" class="button">
          Invite
        </button>
      </form>
    </section>
  </Layout>
);

export const PersonPage: FC<{ ctx: PageContext; person: Person; participants: Participant[]; errors?: FieldErrorView[]; typed?: Record<string, string>; flash?: string | undefined }> = ({ ctx, person, participants, errors = [], typed = {}, flash }) => (
  <Layout ctx={ctx} title={`${person.name} – People`}>
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'People', href: ctx.href(adminPeoplePath) }, { label: person.name }]} />
    <ErrorSummary errors={errors} />
    <h1>{person.name}</h1>
    <Flash message={flash} />
    <p>
      {person.email} · {ROLE_TEXT[person.role]}
      {person.disabled ? ' · disabled: no sign-in, no notices; history keeps the name' : ''}
    </p>
    <form method="post" action={ctx.href(adminPersonPath(person.id))} novalidate>
      <Csrf ctx={ctx} />
      <Field id="edit-name" name="name" label="Name" value={typed.name ?? person.name} errors={errors} />
      <RoleSelect id="edit-role" value={typed.role ?? person.role} />
      <CountrySelect id="edit-country" participants={participants} value={typed.country ?? person.country} errors={errors} />
      <button type="submit" class="button">
        Save
      </button>
    </form>
    <form method="post" action={ctx.href(`${adminPersonPath(person.id)}/${person.disabled ? 'enable' : 'disable'}`)}>
      <Csrf ctx={ctx} />
      <button type="submit" class="button secondary">
        {person.disabled ? 'Enable again' : 'Disable'}
      </button>
    </form>
  </Layout>
);

const KIND_TEXT: Record<NoticeKind, string> = {
  reviewSent: 'Review sent',
  reportSubmitted: 'Report submitted',
  replyOnReturn: 'Reply on a returned section',
  reportApproved: 'Report approved',
  reportPublished: 'Report published',
  sectionReopened: 'Section reopened for a correction',
  deadlineIn7Days: 'Deadline in 7 days',
  deadlineIn1Day: 'Deadline tomorrow',
  deadlineOverdue: 'Deadline passed',
};

export const AccountPage: FC<{ ctx: PageContext; person: Person | undefined; notices: Array<{ kind: NoticeKind; describe: string; optional: boolean; on: boolean }>; flash?: string | undefined }> = ({ ctx, person, notices, flash }) => (
  <Layout ctx={ctx} title="My notices">
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'My notices' }]} />
    <h1>My notices</h1>
    <Flash message={flash} />
    {person ? <p>Mail goes to {person.email}. It tells you what happened and links to the page, with counts; it never quotes answers or comments.</p> : <p>You are not in the directory: no mail reaches you. An administrator can invite you.</p>}
    <form method="post" action={ctx.href(accountPath)}>
      <Csrf ctx={ctx} />
      <fieldset>
        <legend>What you will be told</legend>
        <ul class="notice-list">
          {notices.map((n) => (
            <li>
              {n.optional ? (
                <>
                  <input type="checkbox" id={`notice-${n.kind}`} name="replies" value="on" checked={n.on} disabled={!person} />
                  <label for={`notice-${n.kind}`}>
                    <strong>{KIND_TEXT[n.kind]}</strong>: {n.describe} (you may turn this off)
                  </label>
                </>
              ) : (
                <>
                  <strong>{KIND_TEXT[n.kind]}</strong>: {n.describe} <span class="muted">(always sent)</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      {person && notices.some((n) => n.optional) ? (
        <button type="submit" class="button">
          Save my choices
        </button>
      ) : null}
    </form>
  </Layout>
);

/** The outbox for admins: every notice with its delivery status. */
export const NotificationsPage: FC<{ ctx: PageContext; notices: NoticeView[] }> = ({ ctx, notices }) => (
  <Layout ctx={ctx} title="Notifications">
    <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'People', href: ctx.href(adminPeoplePath) }, { label: 'Notifications' }]} />
    <h1>Notifications</h1>
    <div class="table-scroll" role="region" aria-labelledby="outbox-caption" tabindex={0}>
      <table class="data">
        <caption id="outbox-caption">The outbox, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Notice</th>
            <th scope="col">Report</th>
            <th scope="col">Status</th>
            <th scope="col">Recipients</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr>
              <td>
                <Time iso={n.at} />
              </td>
              <td>{KIND_TEXT[n.kind]}</td>
              <td>
                {n.cycle} {n.country}
                {n.section ? ` ${n.section}` : ''}
              </td>
              <td>
                {n.status}
                {n.status === 'failed' && n.lastError ? <span class="muted"> ({n.lastError})</span> : null} · {n.attempts} {n.attempts === 1 ? 'try' : 'tries'}
              </td>
              <td>{n.recipients ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </Layout>
);
