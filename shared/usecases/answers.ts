/**
 * One question across countries: every participant's answer to one section of a cycle, side by
 * side, with the status of its report. Staff see every participant (the text of every report
 * submitted at least once); everyone else sees what was published, through `listPublishedAnswers`
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
  return answersView(deps, info, section, summaries, false);
}

/**
 * What was published of one question, for anyone: the one place the public reads answers across
 * countries (when publications become snapshots, this is what changes to read them).
 */
export async function listPublishedAnswers(deps: ReportDeps, input: { cycle: string; section: string }): Promise<AnswersView> {
  const { info, section } = await resolveQuestion(deps, input);
  const published = await deps.reports.listReports(info, 'published');
  return answersView(deps, info, section, published, true);
}

async function resolveQuestion(deps: ReportDeps, input: { cycle: string; section: string }): Promise<{ info: CycleInfo; section: Section }> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  return { info, section: sectionOr404(info, input.section) };
}

async function answersView(deps: ReportDeps, info: CycleInfo, section: Section, summaries: ReportSummary[], publishedOnly: boolean): Promise<AnswersView> {
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
  answers.sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'));
  const goal = info.cycle.form.targets.flatMap((t) => t.goals).find((g) => g.id === section.goalId)!;
  return { info, section, goal, publishedOnly, answers };
}
