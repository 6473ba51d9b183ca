/**
 * Turns the functions' route contracts into the API Gateway routing plan: one (method, path) →
 * function per contract. Pure, so the rules are testable without synthesizing anything.
 */
import type { FunctionSpec } from './function-table';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
const METHODS: readonly string[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

export interface PlannedRoute {
  readonly method: HttpMethod;
  /** OpenAPI-style path, which is also API Gateway's syntax: `/cycles/{cycle}`. */
  readonly path: string;
  readonly functionName: string;
}

/**
 * Routes every function serves (each app answers them itself); API Gateway can send a path to
 * one function only, so the first function of the table that declares one gets it.
 */
export const SHARED_ROUTES: readonly string[] = ['GET /health'];

/** A segment is a literal (`reports`) or a whole-segment parameter (`{country}`). */
const SEGMENT = /^(?:[A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/;

/** The routing plan, in table order; throws on a malformed contract or a route claimed twice. */
export function planRoutes(functions: readonly FunctionSpec[]): PlannedRoute[] {
  const owner = new Map<string, string>();
  const parameterAt = new Map<string, string>();
  const plan: PlannedRoute[] = [];
  const catchAll = functions.filter((f) => f.catchAll);
  if (catchAll.length > 1) {
    throw new Error(`Only one function can serve unmatched paths; found ${catchAll.map((f) => f.name).join(', ')}.`);
  }
  for (const fn of functions) {
    for (const route of fn.routes) {
      const method = route.method.toUpperCase();
      if (!METHODS.includes(method)) throw new Error(`${fn.name}: unsupported method '${route.method}' on ${route.path}.`);
      assertPath(fn.name, route.path);
      assertParameterNames(parameterAt, route.path);
      const key = `${method} ${route.path}`;
      const claimedBy = owner.get(key);
      if (claimedBy === fn.name) throw new Error(`${fn.name}: ${key} is declared twice.`);
      if (claimedBy) {
        if (SHARED_ROUTES.includes(key)) continue;
        throw new Error(`${key} is declared by both ${claimedBy} and ${fn.name}; API Gateway can route it to one function only.`);
      }
      owner.set(key, fn.name);
      plan.push({ method: method as HttpMethod, path: route.path, functionName: fn.name });
    }
  }
  return plan;
}

/** API Gateway allows one parameter name per position: `/reports/{country}` and `/reports/{id}` cannot coexist. */
function assertParameterNames(parameterAt: Map<string, string>, path: string): void {
  const segments = path.split('/').slice(1);
  segments.forEach((segment, i) => {
    if (!segment.startsWith('{')) return;
    const parent = `/${segments.slice(0, i).join('/')}`;
    const known = parameterAt.get(parent);
    if (known && known !== segment) {
      throw new Error(`Paths under '${parent}' use both ${known} and ${segment}; API Gateway needs one parameter name per position.`);
    }
    parameterAt.set(parent, segment);
  });
}

function assertPath(functionName: string, path: string): void {
  if (path === '/') return;
  const segments = path.split('/');
  const ok = path.startsWith('/') && !path.endsWith('/') && segments.slice(1).every((s) => SEGMENT.test(s));
  if (!ok) {
    throw new Error(
      `${functionName}: path '${path}' is not an OpenAPI path API Gateway can route ` +
        `(absolute, no trailing slash, parameters as whole segments like {country}).`,
    );
  }
}
