/** The web app's paths in one place, so pages, redirects and tests agree. */
import { CYCLES } from '../../shared/form';

/** The cycle the navigation and `/reports`, `/public` lead to: the latest one. */
export const CURRENT_CYCLE = CYCLES[CYCLES.length - 1]!.id;

export const reportPath = (cycle: string, country: string) => `/reports/${encodeURIComponent(cycle)}/${encodeURIComponent(country)}`;
export const sectionPath = (cycle: string, country: string, section: string) => `${reportPath(cycle, country)}/sections/${encodeURIComponent(section)}`;
export const publicReportPath = (cycle: string, country: string) => `/public/${encodeURIComponent(cycle)}/${encodeURIComponent(country)}`;

/** `1.1.A` → `section-1-1-a`: the fragment of a section on report pages. */
export function sectionAnchor(section: string): string {
  return `section-${section.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * Paths the JSON API owns (API Gateway routes them to the API functions; the local server too).
 * Everything else belongs to the web app.
 */
export const API_PATH_PREFIXES = ['/cycles', '/health', '/openapi.json', '/docs'] as const;

export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
