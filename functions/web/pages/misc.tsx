/** The home page, the development sign-in page and the error pages. */
import type { FC } from 'hono/jsx';
import type { Participant } from '../../../shared/form';
import type { CycleSummary } from '../../../shared/usecases/cycles';
import type { DemoUser } from '../config';
import { ANY_RAPPORTEUR } from '../config';
import { Layout, Time, type PageContext } from '../layout';

export const HomePage: FC<{ ctx: PageContext; oidc: boolean; cycles: CycleSummary[] }> = ({ ctx, oidc, cycles }) => (
  <Layout ctx={ctx} title="Home">
    <h1>Annual reporting of the Global Alliance</h1>
    <p class="lead">
      The countries of the Global Alliance Against Child Sexual Abuse Online report each year on their policy targets and operational goals. The Alliance's reviewers approve or return each section until
      the report is approved and published.
    </p>
    <section aria-labelledby="cycles-heading" class="panel">
      <h2 id="cycles-heading">Reporting cycles</h2>
      <ul>
        {cycles.map((cycle) => (
          <li>
            {cycle.title}: due <Time iso={cycle.deadline} date />. <a href={ctx.href(`/public/${cycle.id}`)}>Published {cycle.id} reports</a>
          </li>
        ))}
      </ul>
    </section>
    {ctx.session ? null : (
      <section aria-labelledby="signin-heading" class="panel">
        <h2 id="signin-heading">Ministry officials and reviewers</h2>
        <p>Sign in to file your country's report or to review reports.</p>
        <p>
          <a class="button" href={ctx.href('/sign-in')}>
            Sign in
          </a>
        </p>
        {!oidc && !ctx.devSignIn ? <p class="muted">Signing in is not configured on this server.</p> : null}
      </section>
    )}
  </Layout>
);

export const DevSignInPage: FC<{ ctx: PageContext; users: DemoUser[]; participants: Participant[]; next: string }> = ({ ctx, users, participants, next }) => (
  <Layout ctx={ctx} title="Development sign-in">
    <h1>Development sign-in</h1>
    <p class="lead">This server runs with the local development issuer. Choose a demo user; no password is needed. This page does not exist on a deployed site.</p>
    <ul class="demo-users">
      {users.map((user) => (
        <li>
          <div>
            <strong>{user.name}</strong>
            <br />
            <span class="muted">{user.description}</span>
          </div>
          <form method="post" action={ctx.href('/dev/sign-in')}>
            <input type="hidden" name="user" value={user.id} />
            <input type="hidden" name="next" value={next} />
            <button type="submit" class="button">
              Sign in <span class="visually-hidden">as {user.name}</span>
            </button>
          </form>
        </li>
      ))}
      <li>
        <form method="post" action={ctx.href('/dev/sign-in')} class="any-rapporteur">
          <input type="hidden" name="user" value={ANY_RAPPORTEUR} />
          <input type="hidden" name="next" value={next} />
          <div class="field">
            <label for="dev-country">
              <strong>Rapporteur of another country</strong>
            </label>
            <span class="hint" id="dev-country-hint">
              Files the report of the country you choose, to try the whole flow on a fresh report.
            </span>
            <select id="dev-country" name="country" aria-describedby="dev-country-hint">
              {participants.map((p) => (
                <option value={p.code}>
                  {p.name} ({p.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            Sign in <span class="visually-hidden">as the rapporteur of the chosen country</span>
          </button>
        </form>
      </li>
    </ul>
  </Layout>
);

export const ErrorPage: FC<{
  ctx: PageContext;
  status: number;
  title: string;
  detail: string;
  requestId?: string | undefined;
  action?: { href: string; label: string } | undefined;
  /** Where to go from here besides the home page (back to the report, to one's own report). */
  links?: Array<{ href: string; label: string }> | undefined;
}> = ({ ctx, status, title, detail, requestId, action, links }) => (
  <Layout ctx={ctx} title={title}>
    <h1>{title}</h1>
    <p>{detail}</p>
    {requestId ? (
      <p class="muted">
        Error {status}; request id <code>{requestId}</code>.
      </p>
    ) : null}
    {action ? (
      <p>
        <a class="button" href={action.href}>
          {action.label}
        </a>
      </p>
    ) : null}
    {links?.length ? (
      <ul class="next-steps">
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    ) : null}
    <p>
      <a href={ctx.href('/')}>Go to the home page</a>
    </p>
  </Layout>
);
