/** Where the web app goes after signing in: only local paths, never the sign-in machinery (no open redirect, no loop). */
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../functions/web/session';

describe('safeNext', () => {
  it.each([
    ['/reports/2014/ME', '/reports/2014/ME'],
    ['/reports/2014/ME/sections/1.1.A?x=1#answer', '/reports/2014/ME/sections/1.1.A?x=1#answer'],
    [undefined, '/'],
    ['', '/'],
    ['reports', '/'],
    ['//evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/\r\n/evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\\/evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['/.//evil.example', '/'],
    ['/a/..//evil.example', '/'],
    ['/%2F%2Fevil.example', '/'],
    ['/\u0000/evil.example', '/'],
    ['/\u0085/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/https://evil.example', '/https://evil.example'],
    ['/auth/callback?code=x&state=y', '/'],
    ['/Auth/Callback', '/'],
    ['/sign-in?next=/x', '/'],
    ['/sign-in', '/'],
    ['/dev/sign-in', '/'],
    ['/sign-out', '/'],
  ])('%j → %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
