import { describe, expect, it } from 'vitest';
import { lazyPort } from '../../functions/deps';
import { lazyPage } from '../../functions/web/lazy';
import { defineRoutes } from '../../shared/http/contract';
import { lazily, loadOnce, once } from '../../shared/lazily';
import { people } from '../../shared/http/people-schemas';
import { inputs } from '../../shared/http/schemas';

describe('values built on first use', () => {
  it('once builds on the first call only, and returns the same value after', () => {
    let builds = 0;
    const value = once(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = value();
    expect([value() === first, builds]).toEqual([true, 1]);
  });

  it('loadOnce keeps a loaded promise, and loads again after a failure', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('first load fails');
      return calls;
    });
    await expect(load()).rejects.toThrow('first load fails');
    expect([await load(), await load(), calls]).toEqual([2, 2, 2]);
  });

  it('lazily builds a property on its first read, and destructuring builds only what it names', () => {
    const built: string[] = [];
    const a = once(() => (built.push('a'), 'A'));
    const schemas = lazily({ a, b: once(() => (built.push('b'), `${a()}B`)), c: once(() => (built.push('c'), 'C')) });
    expect(built).toEqual([]);
    const pick = ({ b }: typeof schemas) => b;
    expect([pick(schemas), schemas.b, built]).toEqual(['AB', 'AB', ['b', 'a']]);
  });

  it('every schema of the contracts is built once: the same instance on every read', () => {
    const rebuilt = (schemas: object) => Object.keys(schemas).filter((name) => (schemas as Record<string, unknown>)[name] !== (schemas as Record<string, unknown>)[name]);
    expect({ inputs: rebuilt(inputs), people: rebuilt(people) }).toEqual({ inputs: [], people: [] });
    expect(inputs.ReportParams.safeParse({ cycle: '2014', country: 'me' })).toEqual({ success: true, data: { cycle: '2014', country: 'ME' } });
  });

  it('a lazy port and a lazy page load their module again after a failed load, once after a success, and once for calls at the same time', async () => {
    class Greeter {
      constructor(private readonly greeting: string) {}
      greet(name: string) {
        return `${this.greeting} ${name}`;
      }
    }
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk not loaded');
      return new Greeter('hello');
    };
    const port = lazyPort(load, { greet: true });
    await expect(port.greet('ME')).rejects.toThrow('chunk not loaded');
    // Two calls before the module is loaded share one load; the method runs on its own object (`this`).
    expect([await Promise.all([port.greet('ME'), port.greet('XK')]), await port.greet('AL'), loads]).toEqual([['hello ME', 'hello XK'], 'hello AL', 2]);

    let pageLoads = 0;
    const Page = lazyPage(async () => {
      pageLoads += 1;
      if (pageLoads === 1) throw new Error('chunk not loaded');
      return { GreetPage: (props: { name: string }) => `<p>${props.name}</p>` };
    }, 'GreetPage');
    await expect(Page({ name: 'ME' })).rejects.toThrow('chunk not loaded');
    expect([await Promise.all([Page({ name: 'ME' }), Page({ name: 'XK' })]), pageLoads]).toEqual([['<p>ME</p>', '<p>XK</p>'], 2]);
  });

  it("a contract's request schemas and OpenAPI route are loaded again after a failure, and kept after a success", async () => {
    let loads = 0;
    const modules = {
      inputs: async () => {
        loads += 1;
        if (loads === 1) throw new Error('schemas not loaded');
        return inputs;
      },
      outputs: () => import('../../shared/http/response-schemas'),
    };
    const { getThing } = defineRoutes(modules, {
      getThing: {
        method: 'get',
        path: '/cycles/{cycle}/reports/{country}',
        request: ({ ReportParams }: typeof inputs) => ({ params: ReportParams }),
        responses: () => ({ 200: { description: 'The thing' } }),
      },
    });
    await expect(getThing.request()).rejects.toThrow('schemas not loaded');
    const [request, route] = await Promise.all([getThing.request(), getThing.resolve()]);
    expect([request?.params === inputs.ReportParams, route.operationId, route.path, loads]).toEqual([true, 'getThing', '/cycles/{cycle}/reports/{country}', 2]);
    expect([await getThing.request(), await getThing.resolve()]).toEqual([request, route]);
    expect(loads).toBe(2);
  });
});
