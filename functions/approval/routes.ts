/** Route contracts of the approval function: approving and publishing whole reports. */
import { defineRoutes } from '../../shared/http/contract';
import { HTTP_SCHEMAS, type Outputs } from '../../shared/http/schema-modules';

/** A cycle answered with its etag, also in the ETag header. */
const cycleResponse = ({ z, CycleDetailSchema }: Outputs, description: string) => ({
  description,
  headers: z.object({ ETag: z.string() }),
  content: { 'application/json': { schema: CycleDetailSchema } },
});

export const routes = defineRoutes(HTTP_SCHEMAS, {
  approveReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/approve',
    tags: ['approval'],
    summary: 'Approve a report whose every section is approved (reviewer, admin)',
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The approved report', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  reopenReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/reopen',
    tags: ['approval'],
    summary: 'Reopen an approved or published report with a reason (admin): it becomes returned; reopen its sections to correct them',
    request: ({ ReportParams, ReopenBody }) => ({ params: ReportParams, body: { required: true, content: { 'application/json': { schema: ReopenBody } } } }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The reopened report', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  reopenSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/reopen',
    tags: ['approval'],
    summary: 'Reopen an approved section with a reason (admin): the approval is voided and the section returns to the country, the reason opening its conversation',
    description: 'What the public reads stays the latest publication until the correction is published as the next one.',
    request: ({ SectionParams, ReopenBody }) => ({ params: SectionParams, body: { required: true, content: { 'application/json': { schema: ReopenBody } } } }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  publishReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/publish',
    tags: ['approval'],
    summary: 'Publish an approved report: readable without sign-in (admin)',
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The published report', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  importReport: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/import',
    tags: ['documents'],
    summary: 'Import a reporting-form document (text) into a draft report (admin)',
    description:
      'The body is the document as published (plain text, UTF-8, at most 1 MB). Refused with 400 and every unplaced line or mismatched heading listed when the document does not fit the form; nothing is written then. `dryRun=true` parses and checks only; `submit=true` submits the report on the country\'s behalf in the same write. An import never replaces answers the country saved unless `overwrite=true`.',
    request: ({ z, ReportParams, QueryFlag }) => ({
      params: ReportParams,
      headers: z.object({
        'x-document-name': z.string().optional().openapi({ param: { name: 'x-document-name', in: 'header' }, description: 'The file name, recorded in the audit event (its first 200 characters).' }),
      }),
      query: z.object({
        dryRun: QueryFlag.openapi({ param: { name: 'dryRun', in: 'query' } }),
        submit: QueryFlag.openapi({ param: { name: 'submit', in: 'query' } }),
        overwrite: QueryFlag.openapi({ param: { name: 'overwrite', in: 'query' }, description: 'Replace answers the country has already saved (refused with 409 otherwise).' }),
      }),
      body: { required: true, content: { 'text/plain': { schema: z.string() } } },
    }),
    responses: ({ ImportResultSchema }) => ({
      200: { description: 'The imported (or previewed) answers', content: { 'application/json': { schema: ImportResultSchema } } },
    }),
    problems: [403, 409],
  },

  createCycle: {
    method: 'post',
    path: '/cycles',
    tags: ['cycles'],
    summary: 'Create a planned cycle from a previous one: its form with the years moved on, its participants (admin)',
    description:
      'The form of `from` (default: the latest cycle before `year`) is copied with every year in its title and questions moved on: question A of 2015 asks about "measures announced in your country\'s 2014 report". The new cycle follows `from` up: its commitments and prefill read `from`. 409 when the cycle exists.',
    request: ({ CreateCycleBody }) => ({ body: { required: true, content: { 'application/json': { schema: CreateCycleBody } } } }),
    responses: (outputs) => ({ 201: cycleResponse(outputs, 'The new cycle, planned') }),
    problems: [403, 409],
  },

  updateCycle: {
    method: 'patch',
    path: '/cycles/{cycle}',
    tags: ['cycles'],
    summary: "Change a cycle's title, deadline or participants (admin)",
    description: 'Participants are the whole list of ISO codes: a new one joins, named from the ISO 3166-1 list (XK: Kosovo); one missing leaves, refused (409) once its report has been started.',
    request: ({ CycleParam, IfMatchCycleHeader, UpdateCycleBody }) => ({ params: CycleParam, headers: IfMatchCycleHeader, body: { required: true, content: { 'application/json': { schema: UpdateCycleBody } } } }),
    responses: (outputs) => ({ 200: cycleResponse(outputs, 'The changed cycle') }),
    problems: [403, 409, 412],
  },

  updateCycleForm: {
    method: 'put',
    path: '/cycles/{cycle}/form',
    tags: ['cycles'],
    summary: "Replace a planned cycle's form (admin); frozen (409) once the cycle has opened",
    description: 'The body is validated by the same schema as the 2014 form; a 400 names each field (`body.targets.0.goals.1.id`).',
    request: ({ CycleParam, IfMatchCycleHeader, FormBodySchema }) => ({ params: CycleParam, headers: IfMatchCycleHeader, body: { required: true, content: { 'application/json': { schema: FormBodySchema } } } }),
    responses: (outputs) => ({ 200: cycleResponse(outputs, 'The cycle with its new form') }),
    problems: [403, 409, 412],
  },

  openCycle: {
    method: 'post',
    path: '/cycles/{cycle}/open',
    tags: ['cycles'],
    summary: 'Open a planned (or closed) cycle: reports can change, the form is frozen (admin)',
    request: ({ CycleParam }) => ({ params: CycleParam }),
    responses: (outputs) => ({ 200: cycleResponse(outputs, 'The open cycle') }),
    problems: [403, 409],
  },

  closeCycle: {
    method: 'post',
    path: '/cycles/{cycle}/close',
    tags: ['cycles'],
    summary: 'Close an open cycle: its reports no longer change (admin)',
    request: ({ CycleParam }) => ({ params: CycleParam }),
    responses: (outputs) => ({ 200: cycleResponse(outputs, 'The closed cycle') }),
    problems: [403, 409],
  },

  extendDeadline: {
    method: 'put',
    path: '/cycles/{cycle}/participants/{country}/deadline',
    tags: ['cycles'],
    summary: 'Give one participant a later deadline, with the reason (admin)',
    request: ({ ReportParams, ExtendDeadlineBody }) => ({ params: ReportParams, body: { required: true, content: { 'application/json': { schema: ExtendDeadlineBody } } } }),
    responses: (outputs) => ({ 200: cycleResponse(outputs, 'The cycle with the extension') }),
    problems: [403, 409],
  },
});

