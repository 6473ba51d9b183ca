/**
 * The page shell and small shared pieces of the web app: skip link, header with navigation and
 * sign-out, one `main` landmark, status badges (text and symbol, never colour alone), error summary.
 */
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { CycleSummary } from '../../shared/usecases/cycles';
import { dayInWords, isStaff, timeOfDay, type ReportStatus, type SectionStatus } from '../../shared/workflow';
import { accountPath, adminCyclesPath, adminPeoplePath, dashboardPath, publicCyclePath, questionsPath, reportPath } from './paths';
import { CSRF_FIELD, type Session } from './session';

/** What every page needs to render links and forms: the base path and the signed-in session. */
export interface PageContext {
  /** Prefixes a local path with the site's base path (an API Gateway stage, or ''). */
  href(path: string): string;
  session: Session | undefined;
  /** Present when the development sign-in is on (local server and tests). */
  devSignIn: boolean;
  /** The cycle the navigation leads to: the page's own, else the latest open one. */
  cycle?: string;
  /** Every cycle, for the cycle switcher. */
  cycles?: CycleSummary[];
}

type AnyStatus = SectionStatus | ReportStatus;

export const STATUS_LABEL: Record<AnyStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  approved: 'Approved',
  published: 'Published',
};

/** A symbol per status for the dense matrix, explained by its legend. */
export const STATUS_SYMBOL: Record<AnyStatus, string> = {
  draft: '○',
  submitted: '●',
  returned: '↩',
  approved: '✓',
  published: '★',
};

export const StatusBadge: FC<{ status: AnyStatus; prefix?: string }> = ({ status, prefix }) => (
  <span class={`status status-${status}`}>
    <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
    {prefix ? <span class="visually-hidden">{prefix} </span> : null}
    {STATUS_LABEL[status]}
  </span>
);

export const Csrf: FC<{ ctx: PageContext }> = ({ ctx }) => <input type="hidden" name={CSRF_FIELD} value={ctx.session?.csrf ?? ''} />;

export interface FieldErrorView {
  /** The id of the field the message belongs to (the summary links to it). */
  field: string;
  message: string;
}

/** A field's error message, placed above the field and named by its `aria-describedby` (`<id>-error`). */
export const ErrorMessage: FC<{ field: string; error: FieldErrorView | undefined }> = ({ field, error }) =>
  error ? (
    <span class="error-message" id={`${field}-error`}>
      <span class="visually-hidden">Error: </span>
      {error.message}
    </span>
  ) : null;

/** A list of the page's errors at its top, each linking to its field. */
export const ErrorSummary: FC<{ errors: FieldErrorView[]; title?: string }> = ({ errors, title }) =>
  errors.length === 0 ? null : (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
      <h2 id="error-summary-title">{title ?? 'There is a problem'}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );

export const Notice: FC<PropsWithChildren<{ kind?: 'success' | 'warning' | 'info'; title?: string; role?: string }>> = ({ kind = 'info', title, role, children }) => (
  <div class={`notice notice-${kind}`} role={role}>
    {title ? <h2>{title}</h2> : null}
    {children}
  </div>
);

/**
 * The confirmation of what the user just did, shown where they acted. The page's script moves the
 * focus to it (and redirects end in `#flash`, so without script the browser scrolls to it).
 */
export const Flash: FC<{ message: string | undefined; children?: Child }> = ({ message, children }) =>
  message ? (
    <div class="notice notice-success" role="status" id="flash" tabindex={-1} data-flash="">
      <p>{message}</p>
      {children}
    </div>
  ) : null;

/** A labelled text area with its hint and, after a refusal, its error (linked by aria-describedby). */
export const TextareaField: FC<{ id: string; name: string; label: string; hint: string; error?: string | undefined; value: string }> = ({ id, name, label, hint, error, value }) => (
  <div class="field">
    <label for={id}>{label}</label>
    <span class="hint" id={`${id}-hint`}>
      {hint}
    </span>
    {error ? (
      <span class="error-message" id={`${id}-error`}>
        <span class="visually-hidden">Error: </span>
        {error}
      </span>
    ) : null}
    <textarea class="short" id={id} name={name} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid={error ? 'true' : undefined}>
      {'\n' + value}
    </textarea>
  </div>
);

export const Breadcrumbs: FC<{ items: Array<{ label: string; href?: string }> }> = ({ items }) => (
  <nav class="breadcrumbs" aria-label="Breadcrumb">
    <ol>
      {items.map((item, i) =>
        item.href && i < items.length - 1 ? (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ) : (
          <li aria-current="page">{item.label}</li>
        ),
      )}
    </ol>
  </nav>
);

function roleLabel(session: Session): string {
  const { actor } = session;
  if (actor.roles.includes('admin')) return 'administrator';
  if (actor.roles.includes('reviewer')) return 'reviewer';
  if (actor.roles.includes('rapporteur')) return `rapporteur of ${actor.country ?? '?'}`;
  return 'no role';
}

export const Layout: FC<PropsWithChildren<{ ctx: PageContext; title: string; scripts?: boolean }>> = ({ ctx, title, scripts, children }) => {
  const { session, href } = ctx;
  const reviewer = isStaff(session?.actor);
  const admin = !!session?.actor.roles.includes('admin');
  const country = session?.actor.roles.includes('rapporteur') ? session.actor.country : undefined;
  const cycle = ctx.cycle;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Alliance Reporting`}</title>
        <link rel="stylesheet" href={href('/assets/app.css')} />
        <link rel="icon" href={href('/assets/favicon.svg')} type="image/svg+xml" />
        {scripts ? <script src={href('/assets/app.js')} defer></script> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={href('/')}>
              Global Alliance · Reporting
            </a>
            <nav class="site-nav" aria-label="Main">
              <ul>
                {reviewer && cycle ? (
                  <li>
                    <a href={href(dashboardPath(cycle))}>Dashboard</a>
                  </li>
                ) : null}
                {admin ? (
                  <li>
                    <a href={href(adminCyclesPath)}>Cycles</a>
                  </li>
                ) : null}
                {admin ? (
                  <li>
                    <a href={href(adminPeoplePath)}>People</a>
                  </li>
                ) : null}
                {country && cycle ? (
                  <li>
                    <a href={href(reportPath(cycle, country))}>My report</a>
                  </li>
                ) : null}
                {cycle ? (
                  <li>
                    <a href={href(questionsPath(cycle))}>Questions</a>
                  </li>
                ) : null}
                {cycle ? (
                  <li>
                    <a href={href(publicCyclePath(cycle))}>Published reports</a>
                  </li>
                ) : null}
                {session ? (
                  <>
                    <li class="who">
                      Signed in as <a href={href(accountPath)}>{session.actor.name}</a> ({roleLabel(session)})
                    </li>
                    <li>
                      <form method="post" action={href('/sign-out')}>
                        <Csrf ctx={ctx} />
                        <button type="submit" class="link-button">
                          Sign out
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href={href('/sign-in')}>Sign in</a>
                  </li>
                )}
              </ul>
            </nav>
            <CycleSwitcher ctx={ctx} />
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>Global Alliance Against Child Sexual Abuse Online – annual reporting.</p>
        </footer>
      </body>
    </html>
  );
};

/**
 * Switches the pages to another cycle (a plain GET form: works without script). Signed-in users go
 * to that cycle's dashboard or report, visitors to its published reports; planned cycles are listed
 * for admins only (nobody else has anything to do in them yet).
 */
const CycleSwitcher: FC<{ ctx: PageContext }> = ({ ctx }) => {
  const admin = !!ctx.session?.actor.roles.includes('admin');
  const cycles = (ctx.cycles ?? []).filter((c) => admin || c.status !== 'planned');
  if (cycles.length < 2) return null;
  return (
    <form method="get" action={ctx.href(ctx.session ? '/reports' : '/public')} class="cycle-switcher">
      <label for="cycle-switch">Cycle</label>
      <select id="cycle-switch" name="cycle">
        {cycles.map((c) => (
          <option value={c.id} selected={c.id === ctx.cycle}>
            {c.id}
            {c.status === 'open' ? '' : ` (${c.status})`}
          </option>
        ))}
      </select>
      <button type="submit" class="button small">
        Show
      </button>
    </form>
  );
};

/** Formats an ISO date-time for people (UTC, unambiguous across the Alliance's time zones). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${dayInWords(d)}, ${timeOfDay(d)} UTC`;
}

export function formatDate(iso: string): string {
  return dayInWords(new Date(iso));
}

export const Time: FC<{ iso: string; date?: boolean }> = ({ iso, date }) => <time datetime={iso}>{date ? formatDate(iso) : formatDateTime(iso)}</time>;

/** Sanitized HTML from answerToHtml, placed as is. */
export const RawHtml: FC<{ html: string; class?: string; id?: string }> = (props) => <div class={props.class} id={props.id} dangerouslySetInnerHTML={{ __html: props.html }} />;

export type { Child };
