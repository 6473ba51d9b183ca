/**
 * The route convention (top of functions/openapi.ts): every contract goes through defineRoutes, which
 * names it by its key, adds its security and its problem responses from its shape, and builds its
 * schemas only when they are asked for.
 */
import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { allContracts } from '../../functions/openapi';
import { FUNCTIONS } from '../../infra/function-table';
import { defineRoutes } from '../../shared/http/contract';
import { HTTP_SCHEMAS } from '../../shared/http/schema-modules';

const ok = () => ({ 200: { description: 'OK', content: { 'application/json': { schema: z.object({}) } } } });

describe('defineRoutes', () => {
  const loaded: string[] = [];
  const modules = {
    inputs: () => (loaded.push('inputs'), HTTP_SCHEMAS.inputs()),
    outputs: () => (loaded.push('outputs'), HTTP_SCHEMAS.outputs()),
  };
  const defined = defineRoutes(modules, {
    getHealth: { method: 'get', path: '/health', summary: 'Health', auth: 'none', responses: ok },
    exportReport: { method: 'get', path: '/cycles/{cycle}/reports/{country}/export', summary: 'Export', auth: 'optional', request: ({ ReportParams }) => ({ params: ReportParams }), responses: ok },
    saveSection: {
      method: 'put',
      path: '/cycles/{cycle}/reports/{country}/sections/{section}',
      summary: 'Save',
      request: ({ SectionParams }) => ({ params: SectionParams }),
      responses: ok,
      problems: [428, 403, 412, 409],
    },
  });
  const loadedBeforeUse = [...loaded];
  let routes: { [K in keyof typeof defined]: Awaited<ReturnType<(typeof defined)[K]['resolve']>> };

  it('builds no schema until a route is served or documented: its address is there at once', async () => {
    expect(loadedBeforeUse).toEqual([]);
    expect([defined.saveSection.method, defined.saveSection.path]).toEqual(['put', '/cycles/{cycle}/reports/{country}/sections/{section}']);
    const request = await defined.saveSection.request();
    expect(request?.params).toBe((await HTTP_SCHEMAS.inputs()).SectionParams);
    expect(loaded).toEqual(['inputs']);
    routes = { getHealth: await defined.getHealth.resolve(), exportReport: await defined.exportReport.resolve(), saveSection: await defined.saveSection.resolve() };
    expect(loaded).toContain('outputs');
    expect(await defined.saveSection.resolve()).toBe(routes.saveSection);
  });

  it('names each contract by its key, the operationId', () => {
    expect(Object.entries(defined).map(([key, route]) => [key, route.operationId])).toEqual([
      ['getHealth', 'getHealth'],
      ['exportReport', 'exportReport'],
      ['saveSection', 'saveSection'],
    ]);
  });

  it('asks for the bearer token unless the route says otherwise', () => {
    expect(routes.saveSection.security).toEqual([{ bearer: [] }]);
    expect(routes.exportReport.security).toEqual([{}, { bearer: [] }]);
    expect(routes.getHealth.security).toEqual([]);
    expect(routes.getHealth).not.toHaveProperty('auth');
    expect(routes.saveSection).not.toHaveProperty('problems');
  });

  it('adds 400 for input, 401 always and 404 for path parameters, then the declared statuses in order', () => {
    expect(Object.keys(routes.getHealth.responses)).toEqual(['200', '401']);
    expect(Object.keys(routes.exportReport.responses)).toEqual(['200', '400', '401', '404']);
    expect(Object.keys(routes.saveSection.responses)).toEqual(['200', '400', '401', '403', '404', '409', '412', '428']);
    expect(routes.saveSection.responses).toMatchObject({ 412: { content: { 'application/problem+json': {} } } });
  });

  it('describes each problem as it applies to the route', () => {
    const description = (route: { responses: Record<string, unknown> }, status: number) => (route.responses[status] as { description: string }).description;
    expect(description(routes.saveSection, 404)).toBe('Unknown cycle, report or section');
    expect(description(routes.exportReport, 404)).toBe('Unknown cycle or report');
    expect(description(routes.saveSection, 401)).toBe('No token, or a bad or expired one');
    expect(description(routes.getHealth, 401)).toMatch(/token sent is bad or expired.*without one/);
  });
});

describe('the API', () => {
  it('has every contract made by defineRoutes, each with its own operationId, a verb and a noun', () => {
    const ids = allContracts().map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, `operationId ${id}: a verb and a noun in lowerCamelCase, like getReport`).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
  });

  it('documents every route API Gateway sends to a function: none is left out of /openapi.json', () => {
    const documented = new Set(allContracts().map((route) => `${route.method.toUpperCase()} ${route.path}`));
    const served = FUNCTIONS.flatMap((fn) => fn.routes.map((route) => `${route.method.toUpperCase()} ${route.path} (${fn.name})`));
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !documented.has(route.replace(/ \(.*\)$/, '')))).toEqual([]);
  });
});
