/** Route contracts of the submission function: what a country's rapporteur reads and writes. */
import { defineRoutes } from '../../shared/http/contract';
import { HTTP_SCHEMAS } from '../../shared/http/schema-modules';
import { commonRoutes } from '../common/routes';

const attachmentsPath = '/cycles/{cycle}/reports/{country}/sections/{section}/attachments';

/** Every contract this function serves (API Gateway routes them here). */
export const routes = {
  ...commonRoutes,
  ...defineRoutes(HTTP_SCHEMAS, {
    listCycles: {
      method: 'get',
      path: '/cycles',
      tags: ['cycles'],
      summary: 'Reporting cycles',
      responses: ({ z, CycleSummarySchema }) => ({ 200: { description: 'Cycles', content: { 'application/json': { schema: z.object({ cycles: z.array(CycleSummarySchema) }) } } } }),
    },

    getCycle: {
      method: 'get',
      path: '/cycles/{cycle}',
      tags: ['cycles'],
      summary: 'A cycle: its form, section ids, participants and deadline',
      request: ({ CycleParam }) => ({ params: CycleParam }),
      responses: ({ CycleDetailSchema }) => ({ 200: { description: 'The cycle', content: { 'application/json': { schema: CycleDetailSchema } } } }),
    },

    getReport: {
      method: 'get',
      path: '/cycles/{cycle}/reports/{country}',
      tags: ['reports'],
      summary: "A country's report: as it is for the country's rapporteurs, reviewers and admins; its latest publication for anyone else",
      description: 'Anyone else (another country, the public without a token) reads the latest publication (`publication` says which, and whether a correction is under way); 403 or 404 while the report was never published.',
      auth: 'optional',
      request: ({ ReportParams }) => ({ params: ReportParams }),
      responses: ({ ReportSchema }) => ({ 200: { description: 'The report', content: { 'application/json': { schema: ReportSchema } } } }),
      problems: [403],
    },

    listPublications: {
      method: 'get',
      path: '/cycles/{cycle}/reports/{country}/publications',
      tags: ['reports'],
      summary: "A report's publications, oldest first (anyone): each one stays readable as it was published",
      auth: 'optional',
      request: ({ ReportParams }) => ({ params: ReportParams }),
      responses: ({ PublicationListSchema }) => ({ 200: { description: 'Publications', content: { 'application/json': { schema: PublicationListSchema } } } }),
    },

    getPublication: {
      method: 'get',
      path: '/cycles/{cycle}/reports/{country}/publications/{number}',
      tags: ['reports'],
      summary: 'One publication of a report, its answers and files as published (anyone)',
      auth: 'optional',
      request: ({ PublicationParams }) => ({ params: PublicationParams }),
      responses: ({ ReportSchema }) => ({ 200: { description: 'The publication as a report', content: { 'application/json': { schema: ReportSchema } } } }),
    },

    saveSection: {
      method: 'put',
      path: '/cycles/{cycle}/reports/{country}/sections/{section}',
      tags: ['reports'],
      summary: "Save a section's answer (rapporteur of the country; section draft or returned)",
      request: ({ SectionParams, IfMatchHeader, SaveSectionBody }) => ({
        params: SectionParams,
        headers: IfMatchHeader,
        body: { required: true, content: { 'application/json': { schema: SaveSectionBody } } },
      }),
      responses: ({ z, SavedSectionSchema }) => ({
        200: {
          description: 'The saved section; its new etag is also in the ETag header',
          headers: z.object({ ETag: z.string() }),
          content: { 'application/json': { schema: SavedSectionSchema } },
        },
      }),
      problems: [403, 409, 412, 428],
    },

    submitReport: {
      method: 'post',
      path: '/cycles/{cycle}/reports/{country}/submit',
      tags: ['reports'],
      summary: 'Submit the report for review (rapporteur of the country)',
      request: ({ ReportParams }) => ({ params: ReportParams }),
      responses: ({ ReportSchema }) => ({ 200: { description: 'The submitted report', content: { 'application/json': { schema: ReportSchema } } } }),
      problems: [403, 409],
    },

    requestUpload: {
      method: 'post',
      path: attachmentsPath,
      tags: ['attachments'],
      summary: 'Ask for a presigned URL to upload an attachment to a section (rapporteur of the country; section draft or returned)',
      description: 'Allowed: PDF, Word, Excel, OpenDocument text and spreadsheet, PNG, JPEG, plain text, CSV; at most 25 MB. PUT the bytes to `uploadUrl` with `headers` within 10 minutes, then complete.',
      request: ({ SectionParams, AttachmentUploadRequestSchema }) => ({ params: SectionParams, body: { required: true, content: { 'application/json': { schema: AttachmentUploadRequestSchema } } } }),
      responses: ({ UploadTicketSchema }) => ({ 201: { description: 'Where to PUT the file', content: { 'application/json': { schema: UploadTicketSchema } } } }),
      problems: [403, 409],
    },

    completeUpload: {
      method: 'post',
      path: `${attachmentsPath}/{id}/complete`,
      tags: ['attachments'],
      summary: 'Confirm an upload: the stored object must exist with the declared size and type, and its first bytes must be of that type (400 naming the file otherwise)',
      request: ({ AttachmentParams }) => ({ params: AttachmentParams }),
      responses: ({ AttachmentSchema }) => ({ 200: { description: 'The uploaded attachment', content: { 'application/json': { schema: AttachmentSchema } } } }),
      problems: [403, 409],
    },

    listAttachments: {
      method: 'get',
      path: attachmentsPath,
      tags: ['attachments'],
      summary: "A section's uploaded attachments (whoever may read the report)",
      auth: 'optional',
      request: ({ SectionParams }) => ({ params: SectionParams }),
      responses: ({ z, AttachmentSchema }) => ({ 200: { description: 'Attachments, oldest first', content: { 'application/json': { schema: z.object({ attachments: z.array(AttachmentSchema) }) } } } }),
      problems: [403],
    },

    getAttachment: {
      method: 'get',
      path: `${attachmentsPath}/{id}`,
      tags: ['attachments'],
      summary: 'One attachment with a presigned download URL valid for 5 minutes (whoever may read the report)',
      auth: 'optional',
      request: ({ AttachmentParams }) => ({ params: AttachmentParams }),
      responses: ({ AttachmentDownloadSchema }) => ({ 200: { description: 'The attachment and its download URL', content: { 'application/json': { schema: AttachmentDownloadSchema } } } }),
      problems: [403],
    },

    deleteAttachment: {
      method: 'delete',
      path: `${attachmentsPath}/{id}`,
      tags: ['attachments'],
      summary: 'Delete an attachment while its section is editable (rapporteur of the country)',
      request: ({ AttachmentParams }) => ({ params: AttachmentParams }),
      responses: () => ({ 204: { description: 'Deleted' } }),
      problems: [403, 409],
    },

    getCommitments: {
      method: 'get',
      path: '/cycles/{cycle}/reports/{country}/commitments',
      tags: ['reports'],
      summary: 'Per goal, what the country announced last cycle (question C, with its status) beside what it reports now (question A) (readers of the report)',
      description: "Last cycle's answer is shown when the reader may read that report: the country's rapporteurs and staff always, anyone once it is published (then it is the published answer).",
      request: ({ ReportParams }) => ({ params: ReportParams }),
      responses: ({ CommitmentsSchema }) => ({ 200: { description: 'The commitments, goal by goal', content: { 'application/json': { schema: CommitmentsSchema } } } }),
      problems: [403],
    },

    prefillReport: {
      method: 'post',
      path: '/cycles/{cycle}/reports/{country}/prefill',
      tags: ['reports'],
      summary: "Copy the country's answers of the previous cycle into sections without an answer (rapporteur of the country; report draft or returned)",
      description:
        'Never over an answer the country wrote: only editable sections without an answer receive the text (a nothing-to-report mark is not copied). One write with an audit event naming the report the text came from. Nothing is written when there is nothing to copy.',
      request: ({ ReportParams, PrefillBody }) => ({ params: ReportParams, body: { required: false, content: { 'application/json': { schema: PrefillBody } } } }),
      responses: ({ z, ReportSchema }) => ({
        200: {
          description: 'What was copied, what was not and why, and the report afterwards',
          content: {
            'application/json': {
              schema: z
                .object({ from: z.string(), prefilled: z.array(z.string()), skipped: z.array(z.object({ section: z.string(), reason: z.string() })), report: ReportSchema })
                .openapi('PrefillResult'),
            },
          },
        },
      }),
      problems: [403, 409],
    },
  }),
};
