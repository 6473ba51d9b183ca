/**
 * The admin pages of cycles: the list with the form to create the next cycle, and one cycle with its
 * status (open, close), settings (title, deadline, participants), deadline extensions and form.
 */
import type { FC } from 'hono/jsx';
import type { CycleInfo } from '../../../shared/form';
import { cycleEtag } from '../../../shared/usecases/cycles';
import { cycleRefusal, deadlineOf, type Actor } from '../../../shared/workflow';
import { Breadcrumbs, Csrf, ErrorMessage, ErrorSummary, Layout, Notice, Time, type FieldErrorView, type PageContext } from '../layout';
import { adminCyclePath, adminCyclesPath, dashboardPath } from '../paths';
import { FormEditor } from './cycle-form';

const STATUS_TEXT = { planned: 'Planned', open: 'Open', closed: 'Closed' } as const;

export const CycleStatus: FC<{ status: keyof typeof STATUS_TEXT }> = ({ status }) => <span class={`cycle-status cycle-${status}`}>{STATUS_TEXT[status]}</span>;

/** One input with its label, hint and error message (the error's field id is the input's id). */
export const Field: FC<{ id: string; name: string; label: string; hint?: string; value?: string; type?: string; errors: FieldErrorView[]; textarea?: boolean }> = (p) => {
  const error = p.errors.find((e) => e.field === p.id);
  const described = [p.hint ? `${p.id}-hint` : '', error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id: p.id, name: p.name, 'aria-describedby': described, 'aria-invalid': error ? 'true' : undefined };
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      {p.hint ? (
        <span class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      <ErrorMessage field={p.id} error={error} />
      {p.textarea ? <textarea class="short" {...common}>{'\n' + (p.value ?? '')}</textarea> : <input type={p.type ?? 'text'} value={p.value ?? ''} {...common} />}
    </div>
  );
};

const date = (iso: string | undefined) => iso?.slice(0, 10) ?? '';

/** The participants as ISO codes in a text box. */
const ParticipantsField: FC<{ id: string; label: string; more: string; value: string | undefined; errors: FieldErrorView[] }> = ({ id, label, more, value, errors }) => (
  <Field id={id} name="participants" label={label} hint={`ISO country codes separated by spaces or commas (XK for Kosovo). ${more}`} value={value} errors={errors} textarea />
);

export interface CyclesPageProps {
  ctx: PageContext;
  cycles: CycleInfo[];
  errors?: FieldErrorView[];
  /** The creation form as typed (after a refusal). */
  typed?: Record<string, string> | undefined;
  flash?: string | undefined;
}

export const CyclesPage: FC<CyclesPageProps> = ({ ctx, cycles, errors = [], typed = {} }) => {
  const latest = cycles.at(-1)!;
  return (
    <Layout ctx={ctx} title="Reporting cycles">
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'Reporting cycles' }]} />
      <ErrorSummary errors={errors} />
      <h1>Reporting cycles</h1>
      <div class="table-scroll" role="region" aria-labelledby="cycles-caption" tabindex={0}>
        <table class="data">
          <caption id="cycles-caption">Every cycle, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Status</th>
              <th scope="col">Deadline</th>
              <th scope="col">Participants</th>
              <th scope="col">Follows up</th>
            </tr>
          </thead>
          <tbody>
            {cycles.map(({ cycle }) => (
              <tr>
                <th scope="row">
                  <a href={ctx.href(adminCyclePath(cycle.id))}>
                    {cycle.id}
                    <span class="visually-hidden">: manage the cycle</span>
                  </a>
                  <br />
                  <span class="muted cycle-title">{cycle.title}</span>
                </th>
                <td>
                  <CycleStatus status={cycle.status} />
                </td>
                <td>
                  <Time iso={cycle.deadline} date />
                </td>
                <td>{cycle.participants.length}</td>
                <td>{cycle.previous ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-heading" class="panel">
        <h2 id="create-heading">Create a cycle</h2>
        <p>The new cycle copies the form of the cycle it follows, with every year in the questions moved on, and its participants. It starts planned: its form can change until you open it.</p>
        <form method="post" action={ctx.href(adminCyclesPath)}>
          <Csrf ctx={ctx} />
          <Field id="new-year" name="year" label="Year" type="number" value={typed.year ?? String(latest.cycle.year + 1)} errors={errors} />
          <div class="field">
            <label for="new-from">Follows up (its form is copied)</label>
            <select id="new-from" name="from">
              {[...cycles].reverse().map(({ cycle }) => (
                <option value={cycle.id} selected={(typed.from ?? latest.cycle.id) === cycle.id}>
                  {cycle.id}
                </option>
              ))}
            </select>
          </div>
          <Field id="new-deadline" name="deadline" label="Deadline" hint="Reports are due at the end of this day (UTC)." type="date" value={typed.deadline} errors={errors} />
          <Field id="new-title" name="title" label="Title (optional)" hint="Default: the title of the form." value={typed.title} errors={errors} />
          <ParticipantsField id="new-participants" label="Participants (optional)" more="Default: the participants of the cycle it follows." value={typed.participants} errors={errors} />
          <button type="submit" class="button">
            Create the cycle
          </button>
        </form>
      </section>
    </Layout>
  );
};

export const CYCLE_FLASH: Record<string, string> = {
  created: 'The cycle has been created. It is planned: change its form and settings, then open it.',
  saved: 'Your changes have been saved.',
  opened: 'The cycle is open: the countries can write their reports, and its form is frozen.',
  closed: 'The cycle is closed: its reports can no longer change.',
  extended: 'The deadline has been extended.',
  form: 'The form has been saved.',
};

export interface CyclePageProps {
  ctx: PageContext;
  info: CycleInfo;
  errors?: FieldErrorView[];
  typed?: Record<string, string> | undefined;
  json?: string | undefined;
  flash?: string | undefined;
}

export const CyclePage: FC<CyclePageProps> = ({ ctx, info, errors = [], typed = {}, json, flash }) => {
  const { cycle } = info;
  const actor = ctx.session!.actor;
  const etag = cycleEtag(info);
  const base = adminCyclePath(cycle.id);
  const title = `The ${cycle.id} cycle`;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumbs items={[{ label: 'Home', href: ctx.href('/') }, { label: 'Reporting cycles', href: ctx.href(adminCyclesPath) }, { label: title }]} />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      {flash && CYCLE_FLASH[flash] ? (
        <Notice kind="success" role="status">
          <p>{CYCLE_FLASH[flash]}</p>
        </Notice>
      ) : null}
      <dl class="meta-list">
        <dt>Status</dt>
        <dd>
          <CycleStatus status={cycle.status} />
        </dd>
        <dt>Title</dt>
        <dd>{cycle.title}</dd>
        <dt>Deadline</dt>
        <dd>
          <Time iso={cycle.deadline} />
        </dd>
        <dt>Follows up</dt>
        <dd>{cycle.previous ? `The ${cycle.previous} cycle (question A asks about its commitments)` : 'No earlier cycle on this platform'}</dd>
        <dt>Participants</dt>
        <dd>{cycle.participants.length}</dd>
      </dl>
      <p>
        <a href={ctx.href(dashboardPath(cycle.id))}>Dashboard of the {cycle.id} cycle</a>
      </p>
      <StatusActions ctx={ctx} info={info} actor={actor} />
      <section aria-labelledby="settings-heading" class="panel">
        <h2 id="settings-heading">Settings</h2>
        <form method="post" action={ctx.href(base)}>
          <Csrf ctx={ctx} />
          <input type="hidden" name="etag" value={etag} />
          <Field id="cycle-title" name="title" label="Title" value={typed.title ?? cycle.title} errors={errors} />
          <Field id="cycle-deadline" name="deadline" label="Deadline" hint="Reports are due at the end of this day (UTC)." type="date" value={typed.deadline ?? date(cycle.deadline)} errors={errors} />
          <ParticipantsField
            id="cycle-participants"
            label="Participants"
            more="A new code joins the cycle; a country whose report has been started cannot leave."
            value={typed.participants ?? cycle.participants.map((p) => p.code).join(' ')}
            errors={errors}
          />
          <button type="submit" class="button">
            Save the settings
          </button>
        </form>
      </section>
      <Extensions ctx={ctx} info={info} errors={errors} typed={typed} />
      {cycle.status === 'planned' ? (
        <FormEditor ctx={ctx} info={info} etag={etag} errors={errors} typed={typed} json={json} />
      ) : (
        <section aria-labelledby="form-heading" class="panel">
          <h2 id="form-heading">The form</h2>
          <p>
            “{cycle.form.title}”, {info.sectionIds.length} questions. It was frozen when the cycle opened. <a href={ctx.href(`${base}/form.json`)}>Download it as JSON</a>.
          </p>
        </section>
      )}
    </Layout>
  );
};

/** Open and close, each enabled only when allowed (the reason shown otherwise). */
const StatusActions: FC<{ ctx: PageContext; info: CycleInfo; actor: Actor }> = ({ ctx, info, actor }) => {
  const base = adminCyclePath(info.cycle.id);
  const actions = [
    { action: 'openCycle' as const, path: 'open', label: 'Open the cycle', ready: 'Opening lets the countries write their reports and freezes the form.' },
    { action: 'closeCycle' as const, path: 'close', label: 'Close the cycle', ready: 'Closing freezes every report of the cycle: nothing can be saved, submitted or reviewed any more.' },
  ];
  return (
    <section aria-labelledby="status-heading" class="panel">
      <h2 id="status-heading">Open or close</h2>
      {actions.map(({ action, path, label, ready }) => {
        const whyNot = cycleRefusal(action, actor, info.cycle);
        return (
          <form method="post" action={ctx.href(`${base}/${path}`)}>
            <Csrf ctx={ctx} />
            <p id={`${path}-reason`} class={whyNot ? 'muted' : undefined}>
              {whyNot ?? ready}
            </p>
            <button type="submit" class="button" disabled={whyNot !== undefined} aria-describedby={`${path}-reason`}>
              {label}
            </button>
          </form>
        );
      })}
    </section>
  );
};

const Extensions: FC<{ ctx: PageContext; info: CycleInfo; errors: FieldErrorView[]; typed: Record<string, string> }> = ({ ctx, info, errors, typed }) => {
  const { cycle } = info;
  const extended = cycle.participants.filter((p) => cycle.extensions[p.code]);
  return (
    <section aria-labelledby="extensions-heading" class="panel">
      <h2 id="extensions-heading">Deadline extensions</h2>
      {extended.length === 0 ? (
        <p>No participant has an extension.</p>
      ) : (
        <ul>
          {extended.map((p) => {
            const e = cycle.extensions[p.code]!;
            return (
              <li>
                <strong>{p.name}</strong>: until <Time iso={deadlineOf(cycle, p.code)} date />. {e.reason} <span class="muted">(granted by {e.by.name}, <Time iso={e.at} date />)</span>
              </li>
            );
          })}
        </ul>
      )}
      {cycle.status === 'closed' ? (
        <p class="muted">The cycle is closed: open it again before extending a deadline.</p>
      ) : (
        <form method="post" action={ctx.href(`${adminCyclePath(cycle.id)}/extensions`)}>
          <Csrf ctx={ctx} />
          <div class="field">
            <label for="ext-country">Participant</label>
            <select id="ext-country" name="country">
              {cycle.participants.map((p) => (
                <option value={p.code} selected={typed.country === p.code}>
                  {p.name} ({p.code})
                </option>
              ))}
            </select>
          </div>
          <Field id="ext-deadline" name="extension" label="New deadline" hint="Later than the cycle's deadline; due at the end of this day (UTC)." type="date" value={typed.extension} errors={errors} />
          <Field id="ext-reason" name="reason" label="Reason" hint="Why the extension is granted; kept with it." value={typed.reason} errors={errors} textarea />
          <button type="submit" class="button secondary">
            Extend the deadline
          </button>
        </form>
      )}
    </section>
  );
};
