/**
 * The web app: server-rendered pages (Hono JSX) over the same use cases as the JSON API
 * (readReport, runTransition, decideSave + ReportStore, the attachment store, the document
 * renderers). Its own request pipeline: the session cookie instead of a bearer token, CSRF checks on
 * every POST (Origin and a per-session token), HTML error pages, redirect-after-post.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import { renderHtml, renderMarkdown } from '../../shared/documents';
import { log } from '../../shared/http/log';
import { errorToProblem } from '../../shared/http/problem';
import { assertCanRead, cycleOr404, participantOr404, readReport, runTransition, sectionAddressOr404, sectionOr404 } from '../../shared/http/reports';
import { attachmentsBySection } from '../../shared/store/attachments';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PreconditionFailedError,
  REPORT_STATUSES,
  UnauthenticatedError,
  decideSave,
  sectionEtag,
  versionFromEtag,
  type Actor,
  type ReportStatus,
  type TransitionAction,
} from '../../shared/workflow';
import type { AppDeps } from '../deps';
import { ASSETS } from './assets';
import { DEMO_USERS, type WebOptions } from './config';
import { isReviewer, mayEditSection } from './decisions';
import type { FieldErrorView, PageContext } from './layout';
import { DashboardPage } from './pages/dashboard';
import { HistoryPage } from './pages/history';
import { DevSignInPage, ErrorPage, HomePage } from './pages/misc';
import { PublicListPage, PublicReportPage } from './pages/public';
import { ReportPage } from './pages/report';
import { SectionPage, SignedOutSectionPage, TEXT_FIELD, UNSAVED_FIELD } from './pages/section';
import { CURRENT_CYCLE, reportPath, sectionAnchor, sectionPath } from './paths';
import {
  CSRF_FIELD,
  CSRF_HEADER,
  clearSession,
  codeChallenge,
  csrfMatches,
  isSecureOrigin,
  newLoginState,
  readSession,
  safeNext,
  takeLoginState,
  writeLoginState,
  writeSession,
  type CookieScope,
  type Session,
} from './session';

export type WebEnv = {
  Variables: { requestId: string; session: Session | undefined; sessionExpired: boolean; page: PageContext; csrfRefused: boolean };
};
type C = Context<WebEnv>;

export { CURRENT_CYCLE };

/** The section editor's form: a refused CSRF token there re-renders the user's text instead of an error page. */
const SECTION_FORM = /^\/reports\/[^/]+\/[^/]+\/sections\/[^/]+$/;

/** The request's body as a form; one that cannot be parsed (a broken multipart body) is a 400, not a 500. */
async function formOf(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new InvalidInputError('The form could not be read. Go back, reload the page and try again.');
  }
}

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

const NO_STORE = 'no-store';

export function createWebApp(deps: AppDeps, options: WebOptions = {}): Hono<WebEnv> {
  const { store, attachments, verifier } = deps;
  const basePath = options.baseUrl ? new URL(options.baseUrl).pathname.replace(/\/+$/, '') : '';
  const href = (path: string) => `${basePath}${path}`;
  const origin = (c: C) => (options.baseUrl ? new URL(options.baseUrl).origin : new URL(c.req.url).origin);
  const scope = (c: C): CookieScope => ({ secure: isSecureOrigin(options.baseUrl ?? c.req.url), path: basePath || '/' });
  const demoUsers = options.devSignIn?.users ?? DEMO_USERS;

  const app = new Hono<WebEnv>();

  // Request id, one log line per request (identifiers and figures only), safe defaults for every response.
  app.use('*', async (c, next) => {
    const lambdaId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId;
    const requestId = lambdaId ?? randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    // Uploads go from the page straight to S3 (a presigned URL on another origin): on loopback the local S3 server's port.
    const connect = isLoopback(c.req.url) ? "'self' https: http://127.0.0.1:* http://localhost:*" : "'self' https:";
    c.header(
      'content-security-policy',
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    );
    if (origin(c).startsWith('https:')) c.header('strict-transport-security', 'max-age=31536000');
    if (!c.res.headers.has('cache-control')) c.header('cache-control', NO_STORE);
    log('info', 'request', {
      requestId,
      app: 'web',
      method: c.req.method,
      path: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      actor: c.get('session')?.actor.sub,
    });
  });

  // The session: the cookie's token verified again on every request.
  app.use('*', async (c, next) => {
    let session: Session | undefined;
    let expired = false;
    try {
      session = await readSession(c, verifier);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      clearSession(c, scope(c));
      expired = true;
    }
    c.set('session', session);
    c.set('sessionExpired', expired);
    c.set('csrfRefused', false);
    c.set('page', { href, session, devSignIn: !!options.devSignIn });
    return next();
  });

  // Cross-site posts: the Origin (or Sec-Fetch-Site) must be this site's, and the form must carry the session's token.
  app.use('*', csrf({ origin: (value, c) => value === origin(c as C) }));
  app.use('*', async (c, next) => {
    const session = c.get('session');
    if (c.req.method !== 'POST' || !session || c.req.path === '/dev/sign-in') return next();
    let given = c.req.header(CSRF_HEADER);
    if (!given && /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')) {
      const field = (await formOf(c))[CSRF_FIELD];
      given = typeof field === 'string' ? field : undefined;
    }
    if (!csrfMatches(session.csrf, given) && SECTION_FORM.test(c.req.path)) {
      // A form from before the latest sign-in: the handler shows the text again, with this session's token, and writes nothing.
      c.set('csrfRefused', true);
      return next();
    }
    if (!csrfMatches(session.csrf, given)) throw new ForbiddenError('This form has expired or was not sent from this site. Go back, reload the page and try again.');
    return next();
  });

  const render = async (c: C, node: unknown, status = 200) => {
    const html = await (node as Promise<string> | string);
    return c.html(`<!doctype html>\n${html}`, status as 200);
  };
  const redirect = (c: C, path: string) => c.redirect(href(path), 303);
  const requireActor = (c: C): Actor => {
    const session = c.get('session');
    if (!session) throw new UnauthenticatedError(c.get('sessionExpired') ? 'Your session has expired; sign in again.' : 'Sign in to see this page.');
    return session.actor;
  };
  const wantsJson = (c: C) => (c.req.header('accept') ?? '').includes('application/json');

  // ------------------------------------------------------------------------------------------
  // Assets

  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) throw new NotFoundError('No such asset.');
    c.header('cache-control', 'public, max-age=3600, must-revalidate');
    c.header('etag', asset.etag);
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body, 200, { 'content-type': asset.contentType });
  });

  // ------------------------------------------------------------------------------------------
  // Home and sign-in

  app.get('/', async (c) => {
    const actor = c.get('session')?.actor;
    if (actor && isReviewer(actor)) return redirect(c, `/reports/${CURRENT_CYCLE}`);
    if (actor?.country && actor.roles.includes('rapporteur')) return redirect(c, reportPath(CURRENT_CYCLE, actor.country));
    return render(c, <HomePage ctx={c.get('page')} oidc={!!options.oidc} />);
  });

  app.get('/sign-in', async (c) => {
    const next = safeNext(c.req.query('next'));
    if (options.oidc) {
      const login = newLoginState(next);
      writeLoginState(c, login, scope(c));
      const url = new URL(options.oidc.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.oidc.clientId,
        redirect_uri: `${origin(c)}${href('/auth/callback')}`,
        scope: options.oidc.scopes,
        state: login.state,
        nonce: login.nonce,
        code_challenge: codeChallenge(login.verifier),
        code_challenge_method: 'S256',
      }).toString();
      return c.redirect(url.toString(), 302);
    }
    if (options.devSignIn) return c.redirect(href(`/dev/sign-in?next=${encodeURIComponent(next)}`), 302);
    return render(c, <ErrorPage ctx={c.get('page')} status={503} title="Signing in is not available" detail="This server has no sign-in provider configured. Published reports remain readable." />, 503);
  });

  app.get('/auth/callback', async (c) => {
    const oidc = options.oidc;
    if (!oidc) throw new NotFoundError('No sign-in provider is configured.');
    const { code, state, error, error_description: description } = c.req.query();
    const login = takeLoginState(c, state, scope(c));
    // A failed sign-in ends on a page with a way to start again, never in a redirect back here.
    const failed = (status: 400 | 401 | 502, detail: string) =>
      render(
        c,
        <ErrorPage
          ctx={c.get('page')}
          status={status}
          title="Signing in did not work"
          detail={detail}
          action={{ href: href(`/sign-in?next=${encodeURIComponent(login?.next ?? '/')}`), label: 'Sign in again' }}
        />,
        status,
      );
    if (error) {
      const reason = `${error}${description ? `: ${description}` : ''}`.slice(0, 300);
      return failed(401, `The sign-in provider did not sign you in (${reason}).`);
    }
    if (!login) return failed(400, 'This sign-in was not started in this browser, or it took longer than ten minutes.');
    if (!code) return failed(400, 'The sign-in provider sent no authorization code.');
    // The code is exchanged server to server; the PKCE verifier proves this server started the sign-in.
    let response: Response;
    try {
      response = await fetch(oidc.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${origin(c)}${href('/auth/callback')}`,
          client_id: oidc.clientId,
          code_verifier: login.verifier,
        }),
      });
    } catch (cause) {
      log('warn', 'oidc token endpoint unreachable', { requestId: c.get('requestId'), error: cause instanceof Error ? cause.message : String(cause) });
      return failed(502, 'The sign-in provider could not be reached. Try again in a moment.');
    }
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      log('warn', 'oidc token exchange failed', { requestId: c.get('requestId'), status: response.status });
      return failed(401, 'The sign-in could not be completed.');
    }
    try {
      await verifier.verify(body.id_token);
    } catch (cause) {
      if (!(cause instanceof UnauthenticatedError)) throw cause;
      return failed(401, 'The sign-in provider answered with a token this site does not accept.');
    }
    if (decodeJwt(body.id_token).nonce !== login.nonce) return failed(401, 'The sign-in response was not made for this sign-in.');
    writeSession(c, body.id_token, scope(c));
    return redirect(c, safeNext(login.next));
  });

  app.get('/dev/sign-in', async (c) => {
    if (!options.devSignIn) throw new NotFoundError('There is no development sign-in here.');
    return render(c, <DevSignInPage ctx={c.get('page')} users={demoUsers} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/dev/sign-in', async (c) => {
    if (!options.devSignIn) throw new NotFoundError('There is no development sign-in here.');
    const form = await formOf(c);
    const user = demoUsers.find((u) => u.id === form.user);
    if (!user) throw new InvalidInputError('Choose one of the demo users.', [{ path: 'body.user', message: 'is not a demo user' }]);
    const { id: _id, description: _description, ...claims } = user;
    const token = await options.devSignIn.sign(claims);
    await verifier.verify(token); // the same check every later request makes
    writeSession(c, token, scope(c));
    return redirect(c, safeNext(typeof form.next === 'string' ? form.next : undefined));
  });

  app.post('/sign-out', (c) => {
    clearSession(c, scope(c));
    if (options.oidc?.logoutUrl) {
      const url = new URL(options.oidc.logoutUrl);
      // Cognito's parameters; other providers ignore unknown ones.
      url.searchParams.set('client_id', options.oidc.clientId);
      url.searchParams.set('logout_uri', `${origin(c)}${href('/')}`);
      return c.redirect(url.toString(), 303);
    }
    return redirect(c, '/');
  });

  // ------------------------------------------------------------------------------------------
  // Reviewer dashboard and reports

  app.get('/reports', (c) => redirect(c, `/reports/${CURRENT_CYCLE}`));

  app.get('/reports/:cycle', async (c) => {
    const actor = requireActor(c);
    const info = cycleOr404(c.req.param('cycle'));
    if (!isReviewer(actor)) {
      if (actor.country) return redirect(c, reportPath(info.cycle.id, actor.country));
      throw new ForbiddenError('Only reviewers and admins see the dashboard.');
    }
    const status = c.req.query('status');
    const filter = status && (REPORT_STATUSES as readonly string[]).includes(status) ? (status as ReportStatus) : undefined;
    const all = await store.listReports(info);
    return render(c, <DashboardPage ctx={c.get('page')} info={info} all={all} filter={filter} />);
  });

  app.get('/reports/:cycle/:country', async (c) => {
    const actor = requireActor(c);
    const { info, participant, read } = await readReport(store, actor, c.req.param('cycle'), c.req.param('country'));
    return render(
      c,
      <ReportPage ctx={c.get('page')} info={info} participant={participant} report={read.report} attachments={attachmentsBySection(read.otherItems)} flash={c.req.query('done')} />,
    );
  });

  /** Runs a report or section transition from a form and redirects to the report. */
  const transition = (action: TransitionAction, done: string) => async (c: C) => {
    const actor = requireActor(c);
    const { cycle, country } = c.req.param() as { cycle: string; country: string };
    const section = c.req.param('section');
    await runTransition(store, actor, cycle, country, action, section ? { section } : {});
    return redirect(c, `${reportPath(cycle, country)}?done=${done}${section ? `#${sectionAnchor(section)}` : action === 'submitReport' ? '#submit' : ''}`);
  };

  app.post('/reports/:cycle/:country/submit', transition('submitReport', 'submitted'));
  app.post('/reports/:cycle/:country/approve', transition('approveReport', 'approved'));
  app.post('/reports/:cycle/:country/publish', transition('publishReport', 'published'));
  app.post('/reports/:cycle/:country/sections/:section/approve', transition('approveSection', 'section-approved'));

  app.post('/reports/:cycle/:country/sections/:section/return', async (c) => {
    const actor = requireActor(c);
    const { cycle, country, section } = c.req.param();
    const form = await formOf(c);
    const comment = typeof form.comment === 'string' ? form.comment.replace(/\r\n/g, '\n') : '';
    try {
      await runTransition(store, actor, cycle, country, 'returnSection', { section, comment });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      // The comment is refused, or the section was decided meanwhile: show the page again with the message and the text kept.
      const { info, participant, read } = await readReport(store, actor, cycle, country);
      const message =
        error instanceof ConflictError
          ? `${error.message} Your comment was not sent; it is kept below.`
          : error.errors?.[0]
            ? `The comment ${error.errors[0].message}.`
            : error.message;
      return render(
        c,
        <ReportPage
          ctx={c.get('page')}
          info={info}
          participant={participant}
          report={read.report}
          attachments={attachmentsBySection(read.otherItems)}
          returnError={{ section, comment, message: error instanceof ConflictError ? message : `To return section ${section}, write a comment for the country: ${message}` }}
        />,
        error.status,
      );
    }
    return redirect(c, `${reportPath(cycle, country)}?done=section-returned#${sectionAnchor(section)}`);
  });

  app.get('/reports/:cycle/:country/history', async (c) => {
    const actor = requireActor(c);
    const info = cycleOr404(c.req.param('cycle'));
    const participant = participantOr404(info, c.req.param('country'));
    // The API's rule (review getHistory): events name reviewers and carry their internal comments, so even a published report's history is not public.
    if (!isReviewer(actor) && !(actor.roles.includes('rapporteur') && actor.country === participant.code)) {
      throw new ForbiddenError(`You may not read the history of the report of ${participant.name}.`);
    }
    const events = await store.history(info.cycle.id, participant.code);
    return render(c, <HistoryPage ctx={c.get('page')} info={info} participant={participant} events={events} />);
  });

  // ------------------------------------------------------------------------------------------
  // Exports (the session's reader rights; public ones below)

  const exportReport = async (c: C, actor: Actor | undefined, format: 'html' | 'md') => {
    const { info, participant, read } = await readReport(store, actor, c.req.param('cycle')!, c.req.param('country')!);
    const files = attachmentsBySection(read.otherItems);
    const sections = read.report.sections.map((s) => ({ ...s, attachments: files.get(s.id) ?? [] }));
    if (format === 'html') return c.html(renderHtml(info, participant.name, sections));
    c.header('content-disposition', `attachment; filename="${info.cycle.id}-${participant.code}.md"`);
    return c.body(renderMarkdown(info, participant.name, sections), 200, { 'content-type': 'text/markdown; charset=utf-8' });
  };
  app.get('/reports/:cycle/:country/export.html', (c) => exportReport(c, requireActor(c), 'html'));
  app.get('/reports/:cycle/:country/export.md', (c) => exportReport(c, requireActor(c), 'md'));

  // ------------------------------------------------------------------------------------------
  // Section editor

  const sectionView = async (c: C, actor: Actor, cycle: string, country: string, sectionId: string) => {
    const { info, participant, read } = await readReport(store, actor, cycle, country);
    sectionOr404(info, sectionId);
    const section = info.sections.find((s) => s.id === sectionId)!;
    const state = read.report.sections.find((s) => s.id === sectionId)!;
    const files = attachmentsBySection(read.otherItems).get(sectionId) ?? [];
    return { ctx: c.get('page'), info, participant, report: read.report, section, state, files };
  };

  app.get('/reports/:cycle/:country/sections/:section', async (c) => {
    const actor = requireActor(c);
    const { cycle, country, section } = c.req.param();
    const view = await sectionView(c, actor, cycle, country, section);
    return render(c, <SectionPage {...view} flash={c.req.query('done')} />);
  });

  app.post('/reports/:cycle/:country/sections/:section', async (c) => {
    const { cycle, country, section } = c.req.param();
    const form = await formOf(c);
    // Browsers send textarea line breaks as CRLF; answers are stored with LF.
    const text = typeof form.text === 'string' ? form.text.replace(/\r\n?/g, '\n') : '';
    const nothingToReport = form.nothingToReport === 'true' || form.nothingToReport === 'on';
    const intent = form.intent === 'preview' || form.intent === 'autosave' ? form.intent : 'save';
    const draft = { text, nothingToReport };
    // The version the user's text is based on.
    const etag = c.req.header('if-match') ?? (typeof form.etag === 'string' ? form.etag : '');

    const session = c.get('session');
    if (!session && !wantsJson(c)) {
      // Signed out while typing (the session lives as long as the token): the text comes back on the page, never dropped by a redirect.
      const info = cycleOr404(cycle);
      const participant = participantOr404(info, country);
      sectionOr404(info, section);
      const definition = info.sections.find((s) => s.id === section)!;
      return render(c, <SignedOutSectionPage ctx={c.get('page')} info={info} participant={participant} section={definition} draft={draft} etag={etag} expired={c.get('sessionExpired')} />, 401);
    }
    const actor = requireActor(c);
    /** The page again with the user's text: in the editor (a conflict view when the text is based on an older version), or read-only when the section is locked. */
    const again = async (errors: FieldErrorView[], status: number, extra: { preview?: boolean; stale?: boolean } = {}) => {
      const view = await sectionView(c, actor, cycle, country, section);
      const conflict = extra.stale || etag !== sectionEtag(cycle, country, view.state);
      return render(c, <SectionPage {...view} draft={draft} errors={errors} conflict={conflict} preview={extra.preview} />, status);
    };

    if (c.get('csrfRefused')) {
      if (intent === 'autosave') throw new ForbiddenError('This page is from an earlier sign-in; reload it to save automatically again.');
      return again([{ field: TEXT_FIELD, message: 'Your answer was not saved yet: this page was opened before you signed in again. Check your text below and press Save again.' }], 403);
    }

    if (intent === 'preview') {
      const view = await sectionView(c, actor, cycle, country, section);
      if (!mayEditSection(actor, country, view.state.status)) {
        const message = `Section ${section} cannot be changed now (it is ${view.state.status}). Your text is kept below so that you can copy it.`;
        return render(c, <SectionPage {...view} draft={draft} errors={[{ field: UNSAVED_FIELD, message }]} />, 409);
      }
      return render(c, <SectionPage {...view} draft={draft} preview conflict={etag !== sectionEtag(cycle, country, view.state)} />);
    }

    sectionAddressOr404(cycle, country, section);
    try {
      const decision = decideSave(actor, country, draft);
      const expectedVersion = versionFromEtag(cycle, country, section, etag);
      if (expectedVersion === undefined) throw new PreconditionFailedError(`The form does not name a version of section ${section}; reload the page.`);
      const saved = await store.saveSection({ cycle, country, section, expectedVersion, allowedStatuses: decision.allowedStatuses, text: decision.text, nothingToReport: decision.nothingToReport, actor });
      if (intent === 'autosave') return c.json({ etag: sectionEtag(cycle, country, saved), updatedAt: saved.updatedAt }, 200);
      return redirect(c, `${sectionPath(cycle, country, section)}?done=saved`);
    } catch (error) {
      if (intent === 'autosave' || !(error instanceof InvalidInputError || error instanceof PreconditionFailedError || error instanceof ConflictError)) throw error;
      // Never lose the user's text: the page comes back with it in the editor, the saved version beside it.
      const errors: FieldErrorView[] =
        error instanceof InvalidInputError
          ? (error.errors ?? [{ path: 'body.text', message: error.message }]).map((e) => ({ field: TEXT_FIELD, message: `The answer ${e.message}.` }))
          : error instanceof ConflictError
            ? [{ field: UNSAVED_FIELD, message: `${error.message} Your text is kept below so that you can copy it.` }]
            : [];
      return again(errors, error.status, { stale: error instanceof PreconditionFailedError });
    }
  });

  // Attachments: the browser asks for a presigned upload, PUTs the bytes to storage, then completes.
  app.post('/reports/:cycle/:country/sections/:section/attachments', async (c) => {
    const actor = requireActor(c);
    const { cycle, country, section } = c.req.param();
    sectionAddressOr404(cycle, country, section);
    const input = await c.req.json().catch(() => {
      throw new InvalidInputError('Send the file name, type and size as JSON.');
    });
    return c.json(await attachments.requestUpload(actor, cycle, country, section, input), 201);
  });

  app.post('/reports/:cycle/:country/sections/:section/attachments/:id/complete', async (c) => {
    const actor = requireActor(c);
    const { cycle, country, section, id } = c.req.param();
    sectionAddressOr404(cycle, country, section);
    return c.json(await attachments.complete(actor, cycle, country, section, id), 200);
  });

  app.post('/reports/:cycle/:country/sections/:section/attachments/:id/delete', async (c) => {
    const actor = requireActor(c);
    const { cycle, country, section, id } = c.req.param();
    sectionAddressOr404(cycle, country, section);
    await attachments.remove(actor, cycle, country, section, id);
    return redirect(c, `${sectionPath(cycle, country, section)}?done=attachment-removed#attachments-heading`);
  });

  /** A download: the reader check, then a redirect to a short-lived presigned URL. */
  const download = async (c: C, actor: Actor | undefined) => {
    const { cycle, country, section, id } = c.req.param() as { cycle: string; country: string; section: string; id: string };
    await assertCanRead(store, actor, sectionAddressOr404(cycle, country, section), country);
    const file = await attachments.get(cycle, country, section, id);
    return c.redirect(file.downloadUrl, 302);
  };
  app.get('/reports/:cycle/:country/sections/:section/attachments/:id', (c) => download(c, requireActor(c)));

  // ------------------------------------------------------------------------------------------
  // Public pages

  app.get('/public', (c) => redirect(c, `/public/${CURRENT_CYCLE}`));

  app.get('/public/:cycle', async (c) => {
    const info = cycleOr404(c.req.param('cycle'));
    const published = await store.listReports(info, 'published');
    return render(c, <PublicListPage ctx={c.get('page')} info={info} published={published} />);
  });

  app.get('/public/:cycle/:country', async (c) => {
    const { info, participant, read } = await readReport(store, undefined, c.req.param('cycle'), c.req.param('country'));
    return render(c, <PublicReportPage ctx={c.get('page')} info={info} participant={participant} report={read.report} attachments={attachmentsBySection(read.otherItems)} />);
  });
  app.get('/public/:cycle/:country/export.html', (c) => exportReport(c, undefined, 'html'));
  app.get('/public/:cycle/:country/export.md', (c) => exportReport(c, undefined, 'md'));
  app.get('/public/:cycle/:country/sections/:section/attachments/:id', (c) => download(c, undefined));

  // ------------------------------------------------------------------------------------------
  // Errors: HTML pages for people, problem+json for the page's own scripts.

  app.notFound((c) => render(c as C, <ErrorPage ctx={pageOf(c as C)} status={404} title="Page not found" detail={`There is no page at ${c.req.path}. Check the address, or start again from the home page.`} />, 404));

  app.onError((error, c) => {
    const cc = c as C;
    if (wantsJson(cc)) return errorToProblem(c, error);
    if (error instanceof UnauthenticatedError) {
      clearSession(cc, scope(cc));
      // Routes see paths without the base path (API Gateway strips the stage), so the path is the one to come back to.
      const next = c.req.method === 'GET' ? c.req.path : '/';
      return c.redirect(href(`/sign-in?next=${encodeURIComponent(next)}`), 303);
    }
    const ctx = pageOf(cc);
    if (error instanceof AppError) {
      const titles: Record<number, string> = { 400: 'The request could not be accepted', 403: 'You may not do this', 404: 'Page not found', 409: 'This cannot be done now', 412: 'The page is out of date', 428: 'The page is out of date' };
      return render(cc, <ErrorPage ctx={ctx} status={error.status} title={titles[error.status] ?? error.title} detail={error.message} />, error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const detail = error.status === 403 ? 'This form was not sent from this site, so it was refused. Go back, reload the page and try again.' : error.message;
      return render(cc, <ErrorPage ctx={ctx} status={error.status} title="The request could not be accepted" detail={detail} />, error.status);
    }
    const requestId = cc.get('requestId');
    log('error', 'unhandled error', { requestId, app: 'web', error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
    return render(cc, <ErrorPage ctx={ctx} status={500} title="Something went wrong" detail="The page could not be shown because of an error on our side. Please try again in a moment." requestId={requestId} />, 500);
  });

  /** The page context, also when an error happened before the session middleware ran. */
  function pageOf(c: C): PageContext {
    return c.get('page') ?? { href, session: undefined, devSignIn: !!options.devSignIn };
  }

  return app;
}
