/** Route contracts of the review function: the reviewers' queue, section decisions and history. */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '../../shared/workflow';
import { defineRoutes } from '../../shared/http/contract';
import { CycleParam, HistorySchema, ReportListSchema, ReportParams, ReportSchema, ReturnSectionBody, SectionParams } from '../../shared/http/schemas';

const FormatQuery = z.object({
  format: z.enum(['md', 'html']).default('html').openapi({ param: { name: 'format', in: 'query' }, description: 'Markdown or a printable HTML page' }),
});

const documentResponses = {
  200: {
    description: 'The document',
    content: { 'text/html': { schema: z.string() }, 'text/markdown': { schema: z.string() } },
  },
};

export const routes = defineRoutes({
  listReports: {
    method: 'get',
    path: '/cycles/{cycle}/reports',
    tags: ['review'],
    summary: "A cycle's reports: every participant for reviewers and admins, one's own for a rapporteur",
    request: { params: CycleParam, query: z.object({ status: z.enum(REPORT_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }) }) },
    responses: { 200: { description: 'Reports with their section statuses', content: { 'application/json': { schema: ReportListSchema } } } },
    problems: [403],
  },

  approveSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/approve',
    tags: ['review'],
    summary: 'Approve a submitted section (reviewer, admin)',
    request: { params: SectionParams },
    responses: { 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  returnSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/return',
    tags: ['review'],
    summary: 'Return a submitted section to the country with a comment (reviewer, admin)',
    request: { params: SectionParams, body: { required: true, content: { 'application/json': { schema: ReturnSectionBody } } } },
    responses: { 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  getHistory: {
    method: 'get',
    path: '/cycles/{cycle}/reports/{country}/history',
    tags: ['review'],
    summary: "A report's audit events, oldest first (whoever may read the report)",
    request: { params: ReportParams },
    responses: { 200: { description: 'Audit events', content: { 'application/json': { schema: HistorySchema } } } },
    problems: [403],
  },

  exportReport: {
    method: 'get',
    path: '/cycles/{cycle}/reports/{country}/export',
    tags: ['documents'],
    summary: 'A report in the official reporting-form layout (readers of the report; anyone once published)',
    auth: 'optional',
    request: { params: ReportParams, query: FormatQuery },
    responses: documentResponses,
    problems: [403],
  },

  getCompilation: {
    method: 'get',
    path: '/cycles/{cycle}/compilation',
    tags: ['documents'],
    summary: "A cycle's reports in one document, by goal and country (reviewers and admins: every submitted report; everyone else: the published ones)",
    auth: 'optional',
    request: { params: CycleParam, query: FormatQuery },
    responses: documentResponses,
  },
});
