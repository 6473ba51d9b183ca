/**
 * One question across countries: every participant's answer to one section of a cycle, side by
 * side, with the status of its report. Staff see every participant (the text of every report
 * submitted at least once); everyone else sees the latest publications, through `listPublishedAnswers`
 * only. Two round trips: one gsi1 Query for the statuses, one BatchGetItem per 100 sections.
 */
import type { CycleInfo, Goal, Section } from '../form';
import type { ReportSummary } from '../store/report-store';
import { isStaff, type Actor, type ReportStatus, type SectionStatus } from '../workflow';
import type { ReportDeps } from './deps';
import { cycleOr404, sectionOr404 } from './resolve';

export interface CountryAnswer {
  country: string;
  countryName: string;
  reportStatus: ReportStatus;
  status: SectionStatus;
  /** Absent while the report has never been submitted (its draft is the country's own work in progress). */
  answer?: { text: string; nothingToReport: boolean; updatedAt?: string };
}

export interface AnswersView {
  info: CycleInfo;
  section: Section;
  goal: Goal;
  /** True when only published answers are shown (the reader is not staff). */
  publishedOnly: boolean;
  /** Countries in alphabetical order of their names. */
  answers: CountryAnswer[];
}

/** The answers to one question across countries, as `actor` may see them (staff: all; others: published only). */
export async function getAnswersAcrossCountries(deps: ReportDeps, actor: Actor | undefined, input: { cycle: string; section: string }): Promise<AnswersView> {
  if (!isStaff(actor)) return listPublishedAnswers(deps, input);
  const { info, section } = await resolveQuestion(deps, input);
  const summaries = await deps.reports.listReports(info);
  return answersView(deps, info, section, summaries);
}

/**
 * What was published of one question, for anyone: each published report's answer from its latest
 * publication (so a report being corrected keeps showing what was published). One gsi1 Query, then
 * one BatchGetItem per 100 published answers.
 */
export async function listPublishedAnswers(deps: ReportDeps, input: { cycle: string; section: string }): Promise<AnswersView> {
  const { info, section } = await resolveQuestion(deps, input);
  const published = (await deps.reports.listReports(info)).filter((s) => s.publications > 0);
  const answers = await deps.reports.archive.publishedSections(published.map((s) => ({ cycle: info.cycle.id, country: s.country, number: s.publications, section: section.id })));
  const names = new Map(info.cycle.participants.map((p) => [p.code, p.name]));
  const rows = published.map((s): CountryAnswer => {
    const answer = answers.get(`${s.country} ${section.id}`);
    return {
      country: s.country,
      countryName: names.get(s.country) ?? s.country,
      reportStatus: 'published',
      status: 'approved',
      answer: { text: answer?.text ?? '', nothingToReport: answer?.nothingToReport ?? false },
    };
  });
  return { info, section, goal: goalOf(info, section), publishedOnly: true, answers: sortByName(rows) };
}

async function resolveQuestion(deps: ReportDeps, input: { cycle: string; section: string }): Promise<{ info: CycleInfo; section: Section }> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  return { info, section: sectionOr404(info, input.section) };
}

async function answersView(deps: ReportDeps, info: CycleInfo, section: Section, summaries: ReportSummary[]): Promise<AnswersView> {
  const filed = summaries.filter((s) => s.status !== 'draft');
  const items = await deps.reports.readItems({ sections: filed.map((s) => ({ cycle: info.cycle.id, country: s.country, section: section.id })) });
  const names = new Map(info.cycle.participants.map((p) => [p.code, p.name]));
  const answers = summaries.map((s): CountryAnswer => {
    const stored = s.status === 'draft' ? undefined : items.section({ cycle: info.cycle.id, country: s.country, section: section.id });
    return {
      country: s.country,
      countryName: names.get(s.country) ?? s.country,
      reportStatus: s.status,
      status: s.sectionStatuses[section.id] ?? 'draft',
      ...(s.status === 'draft'
        ? {}
        : { answer: { text: stored?.text ?? '', nothingToReport: stored?.nothingToReport ?? false, ...(stored?.updatedAt ? { updatedAt: stored.updatedAt } : {}) } }),
    };
  });
  return { info, section, goal: goalOf(info, section), publishedOnly: false, answers: sortByName(answers) };
}

function sortByName(answers: CountryAnswer[]): CountryAnswer[] {
  return answers.sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'));
}

function goalOf(info: CycleInfo, section: Section): Goal {
  return info.cycle.form.targets.flatMap((t) => t.goals).find((g) => g.id === section.goalId)!;
}
