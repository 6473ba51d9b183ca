import { describe, expect, it } from 'vitest';
import { lazyPort } from '../../functions/deps';
import { lazyPage } from '../../functions/web/lazy';
import { lazily, loadOnce, once } from '../../shared/http/lazily';
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

  it('a lazy port and a lazy page load their module again after a failed load, and once after a success', async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk not loaded');
      return { greet: (name: string) => `hello ${name}`, GreetPage: (props: { name: string }) => `<p>${props.name}</p>` };
    };
    const port = lazyPort(() => load(), { greet: true, GreetPage: true });
    await expect(port.greet('ME')).rejects.toThrow('chunk not loaded');
    expect([await port.greet('ME'), await port.greet('XK'), loads]).toEqual(['hello ME', 'hello XK', 2]);

    loads = 0;
    const Page = lazyPage(load, 'GreetPage');
    await expect(Page({ name: 'ME' })).rejects.toThrow('chunk not loaded');
    expect([await Page({ name: 'ME' }), await Page({ name: 'XK' }), loads]).toEqual(['<p>ME</p>', '<p>XK</p>', 2]);
  });
});
