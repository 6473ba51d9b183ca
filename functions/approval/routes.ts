/** Route contracts of the approval function: approving and publishing whole reports. */
import { z } from '@hono/zod-openapi';
import { defineRoutes } from '../../shared/http/contract';
import { ReopenBody, ReportParams, ReportSchema, SectionParams } from '../../shared/http/schemas';

export const ImportResultSchema = z
  .object({
    cycle: z.string(),
    country: z.string(),
    dryRun: z.boolean(),
    status: z.string(),
    sections: z.array(z.object({ id: z.string(), text: z.string(), nothingToReport: z.boolean() })),
    attachmentsNotImported: z.array(z.object({ section: z.string(), filename: z.string() })),
    events: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('ImportResult');

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const routes = defineRoutes({
  approveReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/approve',
    tags: ['approval'],
    summary: 'Approve a report whose every section is approved (reviewer, admin)',
    request: { params: ReportParams },
    responses: { 200: { description: 'The approved report', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  reopenReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/reopen',
    tags: ['approval'],
    summary: 'Reopen an approved or published report with a reason (admin): it becomes returned; reopen its sections to correct them',
    request: { params: ReportParams, body: { required: true, content: { 'application/json': { schema: ReopenBody } } } },
    responses: { 200: { description: 'The reopened report', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  reopenSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/reopen',
    tags: ['approval'],
    summary: 'Reopen an approved section with a reason (admin): the approval is voided and the section returns to the country, the reason opening its conversation',
    description: 'What the public reads stays the latest publication until the correction is published as the next one.',
    request: { params: SectionParams, body: { required: true, content: { 'application/json': { schema: ReopenBody } } } },
    responses: { 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  publishReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/publish',
    tags: ['approval'],
    summary: 'Publish an approved report: readable without sign-in (admin)',
    request: { params: ReportParams },
    responses: { 200: { description: 'The published report', content: { 'application/json': { schema: ReportSchema } } } },
    problems: [403, 409],
  },

  importReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/import',
    tags: ['documents'],
    summary: 'Import a reporting-form document (text) into a draft report (admin)',
    description:
      'The body is the document as published (plain text, UTF-8, at most 1 MB). Refused with 400 and every unplaced line or mismatched heading listed when the document does not fit the form; nothing is written then. `dryRun=true` parses and checks only; `submit=true` submits the report on the country\'s behalf in the same write. An import never replaces answers the country saved unless `overwrite=true`.',
    request: {
      params: ReportParams,
      headers: z.object({
        'x-document-name': z.string().optional().openapi({ param: { name: 'x-document-name', in: 'header' }, description: 'The file name, recorded in the audit event (its first 200 characters).' }),
      }),
      query: z.object({
        dryRun: flag.openapi({ param: { name: 'dryRun', in: 'query' } }),
        submit: flag.openapi({ param: { name: 'submit', in: 'query' } }),
        overwrite: flag.openapi({ param: { name: 'overwrite', in: 'query' }, description: 'Replace answers the country has already saved (refused with 409 otherwise).' }),
      }),
      body: { required: true, content: { 'text/plain': { schema: z.string() } } },
    },
    responses: {
      200: { description: 'The imported (or previewed) answers', content: { 'application/json': { schema: ImportResultSchema } } },
    },
    problems: [403, 409],
  },
});

