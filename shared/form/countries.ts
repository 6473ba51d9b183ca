/**
 * Country names from the ISO 3166-1 list (npm `i18n-iso-countries`, English names; it includes the
 * user-assigned `XK` for Kosovo): a country joining a cycle is named by its code alone.
 */
// The library without its 80 bundled languages (its Node entry registers them all: ~700 KB in every bundle).
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** The English name of an ISO 3166-1 alpha-2 code, or undefined when the list has no such country. */
export function isoCountryName(code: string): string | undefined {
  return countries.getName(code, 'en', { select: 'official' }) ?? undefined;
}
