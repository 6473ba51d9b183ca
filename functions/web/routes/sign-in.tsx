/**
 * Signing in and out: the home page, sign-in with an OIDC provider (authorization code + PKCE), the
 * development sign-in of the local issuer (demo users, or a rapporteur of any participant), sign-out.
 */
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { log } from '../../../shared/http/log';
import { getCycle, listCycles } from '../../../shared/usecases/cycles';
import { participantOr404 } from '../../../shared/usecases/resolve';
import { InvalidInputError, NotFoundError, UnauthenticatedError, isStaff } from '../../../shared/workflow';
import { ANY_RAPPORTEUR, type DemoUser } from '../config';
import { chosenCycle, formOf, formText, redirectTo, render, type Site, type WebEnv } from '../context';
import { DevSignInPage, ErrorPage, HomePage } from '../pages/misc';
import { dashboardPath, reportPath } from '../paths';
import { clearSession, codeChallenge, newLoginState, safeNext, takeLoginState, writeLoginState, writeSession } from '../session';

export function signInRoutes(site: Site): Hono<WebEnv> {
  const { href, options, deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/', async (c) => {
    const actor = c.get('session')?.actor;
    const cycle = chosenCycle(c);
    if (actor && isStaff(actor)) return redirectTo(site, c, dashboardPath(cycle));
    if (actor?.country && actor.roles.includes('rapporteur')) return redirectTo(site, c, reportPath(cycle, actor.country));
    return render(c, <HomePage ctx={c.get('page')} oidc={!!options.oidc} cycles={await listCycles(deps)} />);
  });

  app.get('/sign-in', async (c) => {
    const next = safeNext(c.req.query('next'));
    if (options.oidc) {
      const login = newLoginState(next);
      writeLoginState(c, login, site.cookieScope(c));
      const url = new URL(options.oidc.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.oidc.clientId,
        redirect_uri: `${site.origin(c)}${href('/auth/callback')}`,
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
    const login = takeLoginState(c, state, site.cookieScope(c));
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
          redirect_uri: `${site.origin(c)}${href('/auth/callback')}`,
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
      await deps.verifier.verify(body.id_token);
    } catch (cause) {
      if (!(cause instanceof UnauthenticatedError)) throw cause;
      return failed(401, 'The sign-in provider answered with a token this site does not accept.');
    }
    if (decodeJwt(body.id_token).nonce !== login.nonce) return failed(401, 'The sign-in response was not made for this sign-in.');
    writeSession(c, body.id_token, site.cookieScope(c));
    return redirectTo(site, c, safeNext(login.next));
  });

  const devSignIn = () => {
    if (!options.devSignIn) throw new NotFoundError('There is no development sign-in here.');
    return options.devSignIn;
  };

  /** The demo users and the directory's other people (enabled), so anyone invited can be tried at once. */
  const signInUsers = async (): Promise<DemoUser[]> => {
    const demo = new Set(site.demoUsers.map((u) => u.sub));
    const people = (await deps.directory.list()).filter((p) => !p.disabled && !demo.has(p.id));
    return [
      ...site.demoUsers,
      ...people.map((p) => ({ id: `person:${p.id}`, sub: p.id, name: p.name, roles: [p.role], ...(p.country ? { country: p.country } : {}), description: `${p.email} (from the directory)` })),
    ];
  };

  app.get('/dev/sign-in', async (c) => {
    devSignIn();
    const info = await getCycle(deps, chosenCycle(c));
    return render(c, <DevSignInPage ctx={c.get('page')} users={await signInUsers()} participants={info.cycle.participants} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/dev/sign-in', async (c) => {
    const issuer = devSignIn();
    const form = await formOf(c);
    const choice = formText(form, 'user');
    let claims;
    if (choice === ANY_RAPPORTEUR) {
      // A rapporteur of any participant, so the whole flow can be tried on a fresh report.
      const country = formText(form, 'country');
      const participant = participantOr404(await getCycle(deps, chosenCycle(c)), country);
      claims = { sub: `demo-rap-${participant.code.toLowerCase()}`, name: `Rapporteur of ${participant.name}`, roles: ['rapporteur' as const], country: participant.code };
    } else {
      const user = (await signInUsers()).find((u) => u.id === choice);
      if (!user) throw new InvalidInputError('Choose one of the demo users.', [{ path: 'body.user', message: 'is not a demo user' }]);
      const { id: _id, description: _description, ...rest } = user;
      claims = rest;
    }
    const token = await issuer.sign(claims);
    await deps.verifier.verify(token); // the same check every later request makes
    writeSession(c, token, site.cookieScope(c));
    return redirectTo(site, c, safeNext(formText(form, 'next') || undefined));
  });

  app.post('/sign-out', (c) => {
    clearSession(c, site.cookieScope(c));
    if (options.oidc?.logoutUrl) {
      const url = new URL(options.oidc.logoutUrl);
      // Cognito's parameters; other providers ignore unknown ones.
      url.searchParams.set('client_id', options.oidc.clientId);
      url.searchParams.set('logout_uri', `${site.origin(c)}${href('/')}`);
      return c.redirect(url.toString(), 303);
    }
    return redirectTo(site, c, '/');
  });

  return app;
}
