/**
 * The API's OpenAPI 3.1 document, generated from the route contracts of all three functions (not
 * from their handlers, so serving it costs the submission bundle only the contracts), and Swagger UI.
 *
 * The convention for a route (the document passes Redocly's recommended rules with no error and no
 * warning, and clients are generated from it, so every route follows it):
 *
 * 1. Write its contract in `functions/<function>/routes.ts`, inside that file's `defineRoutes(HTTP_SCHEMAS, {...})`
 *    (shared/http/contract.ts), its schemas as functions of the schema modules: `request: ({ SectionParams }) =>
 *    ({ params: SectionParams })` from `inputs` of shared/http/schemas.ts (a new request schema is a `once(…)` there,
 *    listed in `inputs`, so it is built on its first read; the people function's are in `people` of
 *    shared/http/people-schemas.ts, made the same way), `responses: ({ ReportSchema }) => ({ 200: … })`
 *    from shared/http/response-schemas.ts, and `z` from them for an inline schema (`({ z, CycleParam }) => …`);
 *    never a schema built at module level, nor `z` imported in a routes file (either would load at cold start). The key is the operationId, which generated clients turn into method
 *    names: a verb and a noun for what the route does (`getReport`, `saveSection`, `sendReview`), unique
 *    in the API and never renamed once published. Handlers use it too: `serve(app, routes.saveSection, …)`.
 * 2. Say who may call it: nothing for a signed-in user (the bearer scheme); `auth: 'optional'` when
 *    anyone may (a token may show more: published reports), `auth: 'none'` when no token is used.
 * 3. List the problems it can answer beyond the standard ones in `problems: [403, 409, 412, 428]`.
 *    Added from its shape: 400 when it takes input, 401 always (a bad token is refused on every
 *    route), 404 when its path has parameters (described by what they name: "Unknown cycle or report").
 * 4. A new routes file goes into ROUTES_BY_FUNCTION below and infra/function-table.ts (a unit test fails while
 *    a route API Gateway serves is missing from the document).
 * 5. Run `npm run client:generate` and commit shared/client/schema.ts with the route.
 *
 * test/integration/openapi-document.test.ts lints the served document and compares the generated
 * client with the checked-in one; either fails naming the route and the rule it breaks.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { BEARER, type Route } from '../shared/http/contract';
import { loadOnce } from '../shared/lazily';
import { commonRoutes } from './common/routes';
import { routes as approvalRoutes } from './approval/routes';
import { routes as peopleRoutes } from './people/routes';
import { routes as reviewRoutes } from './review/routes';
import { routes as submissionRoutes } from './submission/routes';

/** Every route contract of the API, by the function that serves it, each keyed by its operationId. */
export const ROUTES_BY_FUNCTION = { submission: submissionRoutes, review: reviewRoutes, approval: approvalRoutes, people: peopleRoutes } as const;

/** The document's `info`: who answers for the API and on what terms it may be used. */
const INFO = {
  title: 'Alliance Reporting API',
  version: '1.0.0',
  description:
    'Annual reporting of the Global Alliance Against Child Sexual Abuse Online: countries submit their reporting form section by section; reviewers approve or return sections; admins publish approved reports. Errors are RFC 9457 problem+json.',
  contact: { name: 'Secretariat of the Global Alliance Against Child Sexual Abuse Online' },
  license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
};

const SERVERS = [
  { url: '.', description: 'The deployment serving this document (relative, so it holds under an API Gateway stage path)' },
  { url: 'http://127.0.0.1:3000', description: 'npm start on this machine (default PORT)' },
];

/** Every contract once, in function order; throws naming the route when one breaks the convention. */
export function allContracts(): Route[] {
  const byId = new Map<string, Route>();
  for (const [fn, routes] of Object.entries(ROUTES_BY_FUNCTION)) {
    for (const [key, route] of Object.entries(routes) as Array<[string, Route]>) {
      const where = `${route.method.toUpperCase()} ${route.path}`;
      if (route.operationId !== key) throw new Error(`functions/${fn}/routes.ts: ${where} was not made by defineRoutes (see the top of functions/openapi.ts).`);
      const other = byId.get(key);
      if (other && other !== route) throw new Error(`operationId ${key} names both ${other.method.toUpperCase()} ${other.path} and ${where}: rename one.`);
      byId.set(key, route);
    }
  }
  return [...byId.values()];
}

/** The document, built once (again after a failure): every contract resolved with its request and response schemas. */
export const openApiDocument: () => Promise<unknown> = loadOnce(build);

async function build(): Promise<unknown> {
  const contracts = await Promise.all(allContracts().map((route) => route.resolve()));
  const generator = new OpenAPIHono();
  generator.openAPIRegistry.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT of the configured issuer with claims sub, name, roles (rapporteur, reviewer, admin) and country for rapporteurs.',
  });
  for (const contract of contracts) generator.openAPIRegistry.registerPath(contract);
  return generator.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, servers: SERVERS });
}

/** Registered by functions/docs.ts, which loads this module on the first request for the document. */
export { registerDocs } from './docs';
