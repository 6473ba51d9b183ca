/** Route contracts of the approval function: approving and publishing whole reports. */
import { createRoute } from '@hono/zod-openapi';
import { ReportParams, ReportSchema, problems } from '../../shared/http/schemas';

const bearer = [{ bearer: [] }];

export const approveReport = createRoute({
  method: 'post',
  path: '/cycles/{cycle}/reports/{country}/approve',
  tags: ['approval'],
  summary: 'Approve a report whose every section is approved (reviewer, admin)',
  security: bearer,
  request: { params: ReportParams },
  responses: { 200: { description: 'The approved report', content: { 'application/json': { schema: ReportSchema } } }, ...problems(400, 401, 403, 404, 409) },
});

export const publishReport = createRoute({
  method: 'post',
  path: '/cycles/{cycle}/reports/{country}/publish',
  tags: ['approval'],
  summary: 'Publish an approved report: readable without sign-in (admin)',
  security: bearer,
  request: { params: ReportParams },
  responses: { 200: { description: 'The published report', content: { 'application/json': { schema: ReportSchema } } }, ...problems(400, 401, 403, 404, 409) },
});

export const routes = [approveReport, publishReport];
