import { describe, expect, it } from 'vitest';
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
});
