import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInWords, timeOfDay } from '../../shared/workflow/dates';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

describe('dates in words', () => {
  // A zone far from UTC, so that reading the machine's local time instead of UTC fails these tests on a
  // machine in UTC too (this file runs in its own process: the vitest pool is forks).
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('write a day and a time as Intl does for en-GB in UTC, over every month, day and hour of a span of years', () => {
    const differ: string[] = [];
    // Every 7 hours and 13 minutes from 1999 to 2031: each day of the month, hour and many minutes, leap years included.
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += (7 * 60 + 13) * 60_000) {
      const d = new Date(t);
      if (dayInWords(d) !== day.format(d) || timeOfDay(d) !== time.format(d)) differ.push(`${d.toISOString()}: ${dayInWords(d)} ${timeOfDay(d)} vs ${day.format(d)} ${time.format(d)}`);
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('read the instant in UTC, not in the machine time zone', () => {
    expect([dayInWords(new Date('2015-09-30T23:59:59-05:00')), timeOfDay(new Date('2015-09-30T23:59:59-05:00'))]).toEqual(['1 October 2015', '04:59']);
    expect([dayInWords(new Date('2026-01-01T00:05:00Z')), timeOfDay(new Date('2026-01-01T00:05:00Z'))]).toEqual(['1 January 2026', '00:05']);
  });

  it('say an invalid date is one, as toLocaleDateString does', () => {
    expect([dayInWords(new Date('not a date')), timeOfDay(new Date(Number.NaN))]).toEqual(['Invalid Date', 'Invalid Date']);
  });
});
