/** Route contracts of the review function: the reviewers' queue, reviews (draft and sent), conversations, history and documents. */
import { REPORT_STATUSES } from '../../shared/workflow';
import { defineRoutes } from '../../shared/http/contract';
import { HTTP_SCHEMAS, type Outputs } from '../../shared/http/schema-modules';

const reviewsPath = '/cycles/{cycle}/reports/{country}/reviews';
const sectionPath = '/cycles/{cycle}/reports/{country}/sections/{section}';
const commentsPath = `${sectionPath}/comments`;

/** A document answered as printable HTML or Markdown. */
const documentResponses = ({ z }: Outputs) => ({
  200: {
    description: 'The document',
    content: { 'text/html': { schema: z.string() }, 'text/markdown': { schema: z.string() } },
  },
});

export const routes = defineRoutes(HTTP_SCHEMAS, {
  listReports: {
    method: 'get',
    path: '/cycles/{cycle}/reports',
    tags: ['review'],
    summary: "A cycle's reports: every participant for reviewers and admins, one's own for a rapporteur",
    request: ({ z, CycleParam }) => ({ params: CycleParam, query: z.object({ status: z.enum(REPORT_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }) }) }),
    responses: ({ ReportListSchema }) => ({ 200: { description: 'Reports with their section statuses', content: { 'application/json': { schema: ReportListSchema } } } }),
    problems: [403],
  },

  approveSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/approve',
    tags: ['review'],
    summary: 'Approve a submitted section: a review of one decision, sent at once (reviewer, admin)',
    request: ({ SectionParams }) => ({ params: SectionParams }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  returnSection: {
    method: 'post',
    path: '/cycles/{cycle}/reports/{country}/sections/{section}/return',
    tags: ['review'],
    summary: 'Return a submitted section to the country with a comment: a review of one decision, sent at once (reviewer, admin)',
    request: ({ SectionParams, ReturnSectionBody }) => ({ params: SectionParams, body: { required: true, content: { 'application/json': { schema: ReturnSectionBody } } } }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The report after the change', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  getHistory: {
    method: 'get',
    path: '/cycles/{cycle}/reports/{country}/history',
    tags: ['review'],
    summary: "A report's audit events and conversations, oldest first (the country's rapporteurs, reviewers, admins; internal notes for the secretariat only)",
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: ({ HistorySchema }) => ({ 200: { description: 'Audit events and comments', content: { 'application/json': { schema: HistorySchema } } } }),
    problems: [403],
  },

  getDraftReview: {
    method: 'get',
    path: `${reviewsPath}/draft`,
    tags: ['review'],
    summary: 'Your draft review of a report (reviewer, admin): kept until sent or discarded, never shown to the country',
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: ({ DraftReviewSchema }) => ({ 200: { description: 'Your draft (no decisions when you have none)', content: { 'application/json': { schema: DraftReviewSchema } } } }),
    problems: [403],
  },

  saveDraftReview: {
    method: 'put',
    path: `${reviewsPath}/draft`,
    tags: ['review'],
    summary: 'Replace your draft review (reviewer, admin); every section must still be submitted, a return needs a comment',
    request: ({ ReportParams, DraftReviewBody }) => ({ params: ReportParams, body: { required: true, content: { 'application/json': { schema: DraftReviewBody } } } }),
    responses: ({ DraftReviewSchema }) => ({ 200: { description: 'The draft as kept', content: { 'application/json': { schema: DraftReviewSchema } } } }),
    problems: [403, 409],
  },

  discardDraftReview: {
    method: 'delete',
    path: `${reviewsPath}/draft`,
    tags: ['review'],
    summary: 'Discard your draft review (reviewer, admin)',
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: () => ({ 204: { description: 'Discarded (or there was none)' } }),
    problems: [403],
  },

  sendReview: {
    method: 'post',
    path: reviewsPath,
    tags: ['review'],
    summary: 'Send a review: every decision applied at once; the report is returned when a section is (reviewer, admin)',
    description:
      "Without `decisions`, your draft review is sent and discarded. A decision on a section that is no longer submitted refuses the whole review with 409 naming it; nothing is applied. Returns open their sections' conversations.",
    request: ({ ReportParams, SendReviewBody }) => ({ params: ReportParams, body: { required: true, content: { 'application/json': { schema: SendReviewBody } } } }),
    responses: ({ ReportSchema }) => ({ 200: { description: 'The report after the review', content: { 'application/json': { schema: ReportSchema } } } }),
    problems: [403, 409],
  },

  listReviews: {
    method: 'get',
    path: reviewsPath,
    tags: ['review'],
    summary: "A report's sent reviews, oldest first, with their decisions (the country's rapporteurs, reviewers, admins)",
    request: ({ ReportParams }) => ({ params: ReportParams }),
    responses: ({ z, ReviewSchema }) => ({ 200: { description: 'Sent reviews', content: { 'application/json': { schema: z.object({ reviews: z.array(ReviewSchema) }) } } } }),
    problems: [403],
  },

  listComments: {
    method: 'get',
    path: commentsPath,
    tags: ['review'],
    summary: "A section's conversation, oldest first (the country's rapporteurs never get internal notes; never public)",
    request: ({ SectionParams }) => ({ params: SectionParams }),
    responses: ({ z, CommentSchema }) => ({ 200: { description: 'Comments', content: { 'application/json': { schema: z.object({ comments: z.array(CommentSchema) }) } } } }),
    problems: [403],
  },

  addComment: {
    method: 'post',
    path: commentsPath,
    tags: ['review'],
    summary: "Add to a section's conversation: the country's rapporteurs reply on a returned section; reviewers and admins add notes, internal ones for the secretariat only",
    request: ({ SectionParams, CommentBody }) => ({ params: SectionParams, body: { required: true, content: { 'application/json': { schema: CommentBody } } } }),
    responses: ({ CommentSchema }) => ({ 201: { description: 'The comment as stored', content: { 'application/json': { schema: CommentSchema } } } }),
    problems: [403, 409],
  },

  listRevisions: {
    method: 'get',
    path: `${sectionPath}/revisions`,
    tags: ['review'],
    summary: "A section's revisions (every answer saved, oldest first, without text) and the attachments added and removed (readers of the report; never public)",
    request: ({ SectionParams }) => ({ params: SectionParams }),
    responses: ({ RevisionListSchema }) => ({ 200: { description: 'Revisions and attachment activity', content: { 'application/json': { schema: RevisionListSchema } } } }),
    problems: [403],
  },

  getRevision: {
    method: 'get',
    path: `${sectionPath}/revisions/{version}`,
    tags: ['review'],
    summary: 'One revision of a section, with its text (readers of the report; never public)',
    request: ({ RevisionParams }) => ({ params: RevisionParams }),
    responses: ({ RevisionSchema }) => ({ 200: { description: 'The revision', content: { 'application/json': { schema: RevisionSchema } } } }),
    problems: [403],
  },

  getSectionDiff: {
    method: 'get',
    path: `${sectionPath}/diff`,
    tags: ['review'],
    summary: 'What changed in a section between two revisions, by words (by default since the last review; readers of the report)',
    request: ({ SectionParams, DiffQuery }) => ({ params: SectionParams, query: DiffQuery }),
    responses: ({ DiffSchema }) => ({ 200: { description: 'The word diff', content: { 'application/json': { schema: DiffSchema } } } }),
    problems: [403],
  },

  exportReport: {
    method: 'get',
    path: '/cycles/{cycle}/reports/{country}/export',
    tags: ['documents'],
    summary: 'A report in the official reporting-form layout (readers of the report; anyone once published)',
    auth: 'optional',
    request: ({ ReportParams, FormatQuery }) => ({ params: ReportParams, query: FormatQuery }),
    responses: documentResponses,
    problems: [403],
  },

  getCompilation: {
    method: 'get',
    path: '/cycles/{cycle}/compilation',
    tags: ['documents'],
    summary: "A cycle's reports in one document, by goal and country (reviewers and admins: every submitted report; everyone else: the published ones)",
    auth: 'optional',
    request: ({ CycleParam, FormatQuery }) => ({ params: CycleParam, query: FormatQuery }),
    responses: documentResponses,
  },

  getCommitmentsCompilation: {
    method: 'get',
    path: '/cycles/{cycle}/commitments',
    tags: ['documents'],
    summary:
      "A cycle's commitments in one document: per goal and country, what it announced in the previous cycle (question C) beside what it reports now (question A) (reviewers and admins: every submitted report; everyone else: the published ones)",
    auth: 'optional',
    request: ({ CycleParam, FormatQuery }) => ({ params: CycleParam, query: FormatQuery }),
    responses: documentResponses,
  },

  getAnswersAcrossCountries: {
    method: 'get',
    path: '/cycles/{cycle}/sections/{section}/answers',
    tags: ['review'],
    summary: "One question, every participant's answer side by side with its status (reviewers and admins: every participant; everyone else: the published reports)",
    description: 'A report never submitted is listed with its status and without its text.',
    auth: 'optional',
    request: ({ QuestionParams }) => ({ params: QuestionParams }),
    responses: ({ AnswersSchema }) => ({ 200: { description: 'The answers, countries in alphabetical order', content: { 'application/json': { schema: AnswersSchema } } } }),
  },
});
