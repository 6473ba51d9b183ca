/**
 * `defineRoutes`: the one way to write route contracts (the convention is explained at the top of
 * functions/openapi.ts). The key of each contract is its operationId; the helper adds the security
 * requirement and the standard problem responses, so the OpenAPI document cannot drift from the routes.
 *
 * A contract's method and path are plain data, there at once: Hono routes by them and the CDK stacks
 * read them. Its schemas are written as functions of the schema modules (`request: ({ ReportParams }) =>
 * ({ params: ReportParams })`), which are loaded on first use: a function builds no zod schema at cold
 * start; its first request loads the request schemas and builds that route's validators (`serve` in
 * ./app.ts); the response schemas are loaded only for the OpenAPI document (`resolve()`), since
 * responses are not validated at run time.
 */
import type { RouteConfig } from '@hono/zod-openapi';
import { loadOnce } from '../lazily';

/** Who may call a route: a signed-in user (the default), anyone with or without a token, or anyone (no token used). */
export type Auth = 'required' | 'optional' | 'none';

/** The problem statuses a route declares itself; 400, 401 and 404 are added from its shape. */
export type RouteProblem = 403 | 409 | 412 | 428;

type Request = NonNullable<RouteConfig['request']>;

/** What a route contract is written as: `createRoute`'s config without operationId and security, its schemas as functions of the schema modules. */
export type RouteSpec<I = unknown, O = unknown> = Omit<RouteConfig, 'operationId' | 'security' | 'path' | 'request' | 'responses'> & {
  path: `/${string}`;
  /** Default `required`: the bearer scheme. `optional`: anyone; a token may widen what is returned. `none`: no token used. */
  auth?: Exclude<Auth, 'required'>;
  /** Statuses beyond the standard ones: 403 (role or country), 409 (state), 412 and 428 (If-Match). */
  problems?: readonly RouteProblem[];
  /** The request's schemas, from the inputs module: what serving the route builds, on its first request. */
  request?: (inputs: I) => Request;
  /** The responses, from the outputs module: for the OpenAPI document and the handler's types (responses are not validated). */
  responses: (outputs: O) => RouteConfig['responses'];
};

/** A contract as `createRoute` makes it: what a handler's types and the OpenAPI document are made from. */
export type ResolvedRoute<S extends RouteSpec<never, never>, K extends string> = Omit<S, 'auth' | 'problems' | 'request' | 'responses'> & {
  operationId: K;
  security: Array<Record<string, string[]>>;
  responses: ReturnType<S['responses']>;
  getRoutingPath(): string;
} & (S['request'] extends (inputs: never) => infer R ? { request: R } : { request?: undefined });

/** A route contract: its address now, its schemas on first use. */
export interface Route<R = RouteConfig> {
  readonly operationId: string;
  readonly method: RouteConfig['method'];
  readonly path: string;
  /** The request's schemas (built once, on the first call). */
  request(): Promise<RouteConfig['request']>;
  /** The whole contract with its responses, security and problems, as the OpenAPI document takes it (built once). */
  resolve(): Promise<R>;
}

/** Where a routes file's schemas come from: modules loaded with `import()` on first use, so never at cold start. */
export interface SchemaModules<I, O> {
  inputs: () => Promise<I>;
  outputs: () => Promise<O>;
}

export const BEARER = 'bearer';

const SECURITY: Record<Auth, Array<Record<string, string[]>>> = {
  required: [{ [BEARER]: [] }],
  // OpenAPI's way to say "no token, or the bearer scheme".
  optional: [{}, { [BEARER]: [] }],
  none: [],
};

/**
 * Names each spec by its key (the operationId: a verb and a noun, `getReport`, `saveSection`) and
 * makes it a route whose schemas are built from `modules` on first use.
 */
export function defineRoutes<I, O, T extends Record<string, RouteSpec<I, O>>>(
  modules: SchemaModules<I, O>,
  specs: T,
): { [K in keyof T & string]: Route<ResolvedRoute<T[K], K>> } {
  const routes: Record<string, Route<RouteConfig>> = {};
  for (const [operationId, spec] of Object.entries(specs)) {
    const { auth = 'required', problems = [], request, responses, ...config } = spec;
    const route: Route<RouteConfig> = {
      operationId,
      method: config.method,
      path: config.path,
      request: loadOnce(() => (request ? modules.inputs().then(request) : Promise.resolve(undefined))),
      resolve: loadOnce(() =>
        Promise.all([route.request(), modules.outputs(), import('./response-schemas'), import('@hono/zod-openapi')]).then(([req, outputs, { ProblemSchema }, { createRoute }]) =>
          createRoute({
            ...config,
            operationId,
            security: SECURITY[auth],
            ...(req ? { request: req } : {}),
            responses: { ...responses(outputs), ...problemResponses(config.path, req, auth, problems, ProblemSchema) },
          }),
        )),
    };
    routes[operationId] = route;
  }
  return routes as unknown as { [K in keyof T & string]: Route<ResolvedRoute<T[K], K>> };
}

/** The problem+json responses of a route, each described as it applies to that route. */
function problemResponses(path: string, request: Request | undefined, auth: Auth, declared: readonly RouteProblem[], schema: unknown) {
  const hasInput = Boolean(request && (request.params || request.query || request.headers || request.body || request.cookies));
  const resources = pathResources(path);
  const descriptions: Record<number, string> = {
    400: 'Invalid input, nothing changed: `errors` names each field (`path.section`, `body.text`, …)',
    401: auth === 'required' ? 'No token, or a bad or expired one' : 'The token sent is bad or expired (this route can be called without one)',
    403: 'Signed in, but not allowed: wrong role, or another country',
    404: `Unknown ${orList(resources)}`,
    409: 'Not allowed in the current state (the detail says why)',
    412: 'Changed since it was read (stale If-Match): read it again',
    428: 'If-Match is required: send the etag as read',
  };
  const standard = [...(hasInput ? [400] : []), 401, ...(resources.length ? [404] : [])];
  return Object.fromEntries(
    [...new Set([...standard, ...declared])]
      .sort((a, b) => a - b)
      .map((status) => [status, { description: descriptions[status]!, content: { 'application/problem+json': { schema } } }]),
  ) as RouteConfig['responses'];
}

/** What the path parameters name, by the segment before each: `/cycles/{cycle}/reports/{country}` → cycle, report. */
function pathResources(path: string): string[] {
  const segments = path.split('/');
  return segments.flatMap((segment, i) => {
    if (!segment.startsWith('{')) return [];
    const before = segments[i - 1] ?? '';
    return [before && !before.startsWith('{') ? before.replace(/s$/, '') : segment.slice(1, -1)];
  });
}

function orList(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
