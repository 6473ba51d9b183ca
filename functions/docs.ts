/**
 * `/openapi.json` and `/docs` as the submission function serves them. The document is built from every
 * function's contracts (functions/openapi.ts), so it is loaded, with the other functions' contracts and
 * Swagger UI, on the first request for it: none of that is evaluated at cold start.
 */
import type { Hono } from 'hono';
import { serve, type AppEnv } from '../shared/http/app';
import { loadOnce } from '../shared/lazily';
import { commonRoutes } from './common/routes';

/** Serves `/openapi.json` and `/docs` (relative URL, so it works under an API Gateway stage path). */
export function registerDocs(app: Hono<AppEnv>): void {
  serve(app, commonRoutes.getOpenApi, async (c) => {
    const { openApiDocument } = await import('./openapi');
    return c.json((await openApiDocument()) as Record<string, unknown>, 200);
  });
  const docs = loadOnce(() => import('@hono/swagger-ui').then(({ swaggerUI }) => swaggerUI({ url: 'openapi.json', title: 'Alliance Reporting API' })));
  app.get(commonRoutes.getDocs.path, async (c) => {
    // Swagger UI's middleware answers the page itself (it never calls next).
    return (await docs())(c as never, async () => undefined) as Promise<Response>;
  });
}
