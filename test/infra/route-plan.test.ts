import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec } from '../../infra/function-table';
import { planRoutes } from '../../infra/route-plan';

const spec = (name: string, routes: FunctionSpec['routes'], extra: Partial<FunctionSpec> = {}): FunctionSpec => ({
  name,
  entry: `functions/${name}/handler.ts`,
  routes,
  table: [],
  bucket: {},
  ...extra,
});

describe('route plan', () => {
  it('routes every contract of every function to that function', () => {
    const plan = planRoutes(FUNCTIONS);
    for (const fn of FUNCTIONS) {
      for (const route of fn.routes) {
        const owner = plan.find((p) => p.method === route.method.toUpperCase() && p.path === route.path)?.functionName;
        if (`${route.method.toUpperCase()} ${route.path}` === 'GET /health') continue;
        expect(owner, `${route.method} ${route.path}`).toBe(fn.name);
      }
    }
  });

  it('sends the shared GET /health to the first function that declares it', () => {
    const plan = planRoutes([spec('a', [{ method: 'get', path: '/health' }]), spec('b', [{ method: 'get', path: '/health' }])]);
    expect(plan).toEqual([{ method: 'GET', path: '/health', functionName: 'a' }]);
  });

  it('refuses a route claimed by two functions', () => {
    expect(() => planRoutes([spec('a', [{ method: 'post', path: '/x' }]), spec('b', [{ method: 'post', path: '/x' }])])).toThrow(/POST \/x.*a and b/);
  });

  it.each(['/cycles/:cycle', '/cycles/', 'cycles', '/cycles/{cycle}x'])('refuses the path %s', (path) => {
    expect(() => planRoutes([spec('a', [{ method: 'get', path }])])).toThrow(/not an OpenAPI path/);
  });

  it('refuses two parameter names at the same position', () => {
    const routes = [
      { method: 'get', path: '/reports/{country}' },
      { method: 'get', path: '/reports/{id}/x' },
    ];
    expect(() => planRoutes([spec('a', routes)])).toThrow(/one parameter name per position/);
  });

  it('allows one catch-all function only', () => {
    expect(() => planRoutes([spec('a', [], { catchAll: true }), spec('b', [], { catchAll: true })])).toThrow(/Only one function/);
  });
});
