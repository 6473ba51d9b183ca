/**
 * Import and export of the reporting-form document format: parse a published form, render one
 * report (Markdown, HTML) or a whole cycle's compilation. Pure functions, no I/O.
 */
export { parseReportingForm, toSectionAnswers } from './parse';
export type { LineKind, LinePlacement, ParsedAnswer, ParsedReportingForm, ParseProblem, UnplacedLine } from './parse';
export { renderMarkdown, renderHtml, editionText } from './export';
export type { Edition } from './export';
export { renderCompilationMarkdown, renderCompilationHtml, compilationAnchor, COMPILATION_SUBTITLE } from './compile';
export { answerToHtml, NOTHING_TO_REPORT_MARK, UNANSWERED_MARK } from './render';
export type { HtmlOptions } from './render';
export { answerKind, formOutline } from './answers';
export type { AttachmentRef, CountryReport, FormQuestion, OutlineGoal, OutlineTarget, SectionAnswer } from './answers';
export { renderCommitmentsMarkdown, renderCommitmentsHtml, commitmentsSubtitle } from './commitments';
export type { CountryCommitments } from './commitments';
