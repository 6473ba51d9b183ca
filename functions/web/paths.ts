/**
 * The web app's paths in one place, so pages, redirects and tests agree. Which cycle `/reports` and
 * `/public` lead to is read through the catalog (`currentCycle` in shared/usecases/cycles.ts).
 */

export const reportPath = (cycle: string, country: string) => `/reports/${encodeURIComponent(cycle)}/${encodeURIComponent(country)}`;
export const sectionPath = (cycle: string, country: string, section: string) => `${reportPath(cycle, country)}/sections/${encodeURIComponent(section)}`;
/** A section's revisions, and one of them. */
export const revisionsPath = (cycle: string, country: string, section: string) => `${sectionPath(cycle, country, section)}/revisions`;
export const revisionPath = (cycle: string, country: string, section: string, version: number) => `${revisionsPath(cycle, country, section)}/${version}`;
export const dashboardPath = (cycle: string) => `/reports/${encodeURIComponent(cycle)}`;
export const publicCyclePath = (cycle: string) => `/public/${encodeURIComponent(cycle)}`;
export const adminCyclesPath = '/admin/cycles';
export const adminCyclePath = (cycle: string) => `${adminCyclesPath}/${encodeURIComponent(cycle)}`;
export const adminPeoplePath = '/admin/people';
export const adminPersonPath = (id: string) => `${adminPeoplePath}/${encodeURIComponent(id)}`;
export const adminNotificationsPath = '/admin/notifications';
/** A person's own page: what they will be told, and their choices. */
export const accountPath = '/account';
/** One question across countries. */
export const questionPath = (cycle: string, section: string) => `/questions/${encodeURIComponent(cycle)}/${encodeURIComponent(section)}`;
export const questionsPath = (cycle: string) => `/questions/${encodeURIComponent(cycle)}`;
/** The compilation of a cycle's commitments, for the session's reader rights. */
export const commitmentsDocumentPath = (cycle: string, format: 'html' | 'md') => `/documents/${encodeURIComponent(cycle)}/commitments.${format}`;

/** The cycle a page's path is about (`/reports/2015/…`, `/public/2015`, `/questions/2015/…`, `/admin/cycles/2015`), if any. */
export function cycleOfPath(path: string): string | undefined {
  return /^\/(?:reports|public|questions|documents|admin\/cycles)\/(\d{4})(?:\/|$)/.exec(path)?.[1];
}

export const publicReportPath = (cycle: string, country: string) => `/public/${encodeURIComponent(cycle)}/${encodeURIComponent(country)}`;
/** One publication of a report, as it was published. */
export const publicationPath = (cycle: string, country: string, n: number) => `${publicReportPath(cycle, country)}/publications/${n}`;

/** `1.1.A` → `section-1-1-a`: the fragment of a section on report pages. */
export function sectionAnchor(section: string): string {
  return `section-${section.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * Paths the JSON API owns (API Gateway routes them to the API functions; the local server too).
 * Everything else belongs to the web app.
 */
export const API_PATH_PREFIXES = ['/cycles', '/health', '/openapi.json', '/docs', '/users', '/me', '/notifications'] as const;

export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
