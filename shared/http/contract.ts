/**
 * `defineRoutes`: the one way to write route contracts (the convention is explained at the top of
 * functions/openapi.ts). The key of each contract is its operationId; the helper adds the security
 * requirement and the standard problem responses, so the OpenAPI document cannot drift from the routes.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ProblemSchema } from './schemas';

/** Who may call a route: a signed-in user (the default), anyone with or without a token, or anyone (no token used). */
export type Auth = 'required' | 'optional' | 'none';

/** The problem statuses a route declares itself; 400, 401 and 404 are added from its shape. */
export type RouteProblem = 403 | 409 | 412 | 428;

/** What a route contract is written as: a `createRoute` config without operationId and security. */
export type RouteSpec = Omit<RouteConfig, 'operationId' | 'security' | 'path'> & {
  path: `/${string}`;
  /** Default `required`: the bearer scheme. `optional`: anyone; a token may widen what is returned. `none`: no token used. */
  auth?: Exclude<Auth, 'required'>;
  /** Statuses beyond the standard ones: 403 (role or country), 409 (state), 412 and 428 (If-Match). */
  problems?: readonly RouteProblem[];
};

/** A contract as `app.openapi` and the OpenAPI document take it: the spec, named and secured. */
export type RouteContract<S extends RouteSpec, K extends string> = Omit<S, 'auth' | 'problems'> & {
  operationId: K;
  security: Array<Record<string, string[]>>;
  getRoutingPath(): string;
};

export const BEARER = 'bearer';

const SECURITY: Record<Auth, Array<Record<string, string[]>>> = {
  required: [{ [BEARER]: [] }],
  // OpenAPI's way to say "no token, or the bearer scheme".
  optional: [{}, { [BEARER]: [] }],
  none: [],
};

/**
 * Names each spec by its key (the operationId: a verb and a noun, `getReport`, `saveSection`) and
 * turns it into a `createRoute` contract with its security and problem responses.
 */
export function defineRoutes<T extends Record<string, RouteSpec>>(specs: T): { [K in keyof T & string]: RouteContract<T[K], K> } {
  const contracts: Record<string, unknown> = {};
  for (const [operationId, { auth = 'required', problems = [], ...spec }] of Object.entries(specs)) {
    contracts[operationId] = createRoute({
      ...spec,
      operationId,
      security: SECURITY[auth],
      responses: { ...spec.responses, ...problemResponses(spec, auth, problems) },
    });
  }
  return contracts as { [K in keyof T & string]: RouteContract<T[K], K> };
}

/** The problem+json responses of a route, each described as it applies to that route. */
function problemResponses(spec: Pick<RouteSpec, 'path' | 'request'>, auth: Auth, declared: readonly RouteProblem[]) {
  const request = spec.request ?? {};
  const hasInput = Boolean(request.params || request.query || request.headers || request.body || request.cookies);
  const resources = pathResources(spec.path);
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
      .map((status) => [status, { description: descriptions[status]!, content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  );
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
