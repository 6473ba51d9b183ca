/**
 * Country names from the ISO 3166-1 list (npm `i18n-iso-countries`, English names; it includes the
 * user-assigned `XK` for Kosovo): a country joining a cycle is named by its code alone, and the
 * notifier's mails name countries this way.
 *
 * Only the library's English list is imported, read as its `getName(code, 'en')` reads an alpha-2 code
 * (the official name, the first of a country's names; alpha-3 and numeric codes are not looked up). Its
 * entry module (even without the 80 languages its Node entry registers) brings the alpha-3 and numeric
 * code tables and `diacritics` for name lookups: 18 KB that the notifier loaded at every cold start for
 * this one lookup by alpha-2 code.
 */
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

const NAMES: Readonly<Record<string, string | readonly string[]>> = en.countries;

/** The English (official) name of an ISO 3166-1 alpha-2 code, or undefined when the list has no such country (or it is not alpha-2). */
export function isoCountryName(code: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  const key = code.toUpperCase();
  const names = Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
  return typeof names === 'string' ? names : names?.[0];
}
