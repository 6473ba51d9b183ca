/**
 * Dates as people across the Alliance read them: in UTC, the day and month in words (`30 September
 * 2015`) and the time on the 24-hour clock (`23:59`), exactly as `Intl.DateTimeFormat('en-GB', {
 * timeZone: 'UTC' })` writes them for the years 1–9999 (test/unit/dates.test.ts compares the two over
 * many dates). An invalid date is `Invalid Date`, as `toLocaleDateString` says (Intl's `format` throws).
 * Written out instead of through Intl: a process's first Intl date format loads ICU's locale data
 * (~17 ms here), which the web function paid on the first page after every cold start, and each
 * `toLocaleDateString` call builds a new formatter (~0.08 ms, dozens per page).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const INVALID = 'Invalid Date';

/** `30 September 2015` (UTC). */
export function dayInWords(date: Date): string {
  if (Number.isNaN(date.getTime())) return INVALID;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `23:59` (UTC, 24-hour clock). */
export function timeOfDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return INVALID;
  return `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
}
