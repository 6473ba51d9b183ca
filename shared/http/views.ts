/**
 * The JSON shapes of the API's responses, made from what the use cases return (the OpenAPI
 * schemas in schemas.ts describe the same shapes).
 */
import type { CycleInfo } from '../form';
import { participantOf } from '../form';
import type { Attachment } from '../store/attachment-items';
import type { ReportSummary } from '../store/report-store';
import type { ReportView } from '../usecases/reports';
import { sectionEtag, type SectionState } from '../workflow';

export function sectionJson(cycle: string, country: string, section: SectionState, attachments?: Attachment[]) {
  return {
    id: section.id,
    status: section.status,
    text: section.text,
    nothingToReport: section.nothingToReport,
    etag: sectionEtag(cycle, country, section),
    ...(section.updatedAt ? { updatedAt: section.updatedAt } : {}),
    ...(section.updatedBy ? { updatedBy: section.updatedBy } : {}),
    ...(section.returnComment ? { returnComment: section.returnComment } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

export function reportJson({ report, participant, attachments }: Pick<ReportView, 'report' | 'participant' | 'attachments'>) {
  return {
    cycle: report.cycle,
    country: report.country,
    countryName: participant.name,
    status: report.status,
    version: report.version,
    ...(report.updatedAt ? { updatedAt: report.updatedAt } : {}),
    sections: report.sections.map((s) => sectionJson(report.cycle, report.country, s, attachments.get(s.id) ?? [])),
  };
}

export function summaryJson(summary: ReportSummary, info: CycleInfo) {
  return { ...summary, countryName: participantOf(info.cycle, summary.country)?.name ?? summary.country };
}

export function cycleJson({ cycle, sectionIds }: CycleInfo) {
  return { id: cycle.id, year: cycle.year, deadline: cycle.deadline, form: cycle.form, sectionIds, participants: cycle.participants };
}

