/**
 * The data the document module reads and writes: one answer per section, and the walk over a
 * cycle's form (target → goal → question) that every renderer shares.
 */
import type { Edition } from './export';
import { QUESTION_KEYS, type CycleInfo, type Goal, type QuestionKey, type Section, type Target } from '../form';

/** An attachment as the documents show it: by file name only. */
export interface AttachmentRef {
  filename: string;
}

/** One section's answer as the renderers take it (a `SectionState` fits, plus optional attachments). */
export interface SectionAnswer {
  id: string;
  /** Markdown (CommonMark). */
  text: string;
  nothingToReport: boolean;
  attachments?: readonly AttachmentRef[];
}

/** One country's answers, as the cycle compilation takes them. */
export interface CountryReport {
  /** ISO 3166-1 alpha-2 code; used for anchors. */
  country: string;
  countryName: string;
  sections: readonly SectionAnswer[];
  /** Which edition of the country's report the compilation holds (named in the contents). */
  edition?: Edition;
}

/** One question of the form with the goal and target it belongs to. */
export interface FormQuestion {
  target: Target;
  goal: Goal;
  section: Section;
  key: QuestionKey;
}

/** One goal of the outline with its questions. */
export interface OutlineGoal {
  goal: Goal;
  questions: FormQuestion[];
}

/** One target of the outline with its goals. */
export interface OutlineTarget {
  target: Target;
  goals: OutlineGoal[];
}

/** The form as target → goal → question, in form order: the one walk every renderer follows. */
export function formOutline(info: CycleInfo): OutlineTarget[] {
  const byId = new Map(info.sections.map((section) => [section.id, section]));
  return info.cycle.form.targets.map((target) => ({
    target,
    goals: target.goals.map((goal) => ({
      goal,
      questions: QUESTION_KEYS.map((key) => {
        const section = byId.get(`${goal.id}.${key}`);
        if (!section) throw new Error(`cycle ${info.cycle.id} has no section ${goal.id}.${key}`);
        return { target, goal, section, key };
      }),
    })),
  }));
}

/**
 * What a document shows for a section: its text, the country's statement that there is nothing to
 * report, or no answer at all (a draft section nobody has written yet).
 */
export function answerKind(answer: Pick<SectionAnswer, 'text' | 'nothingToReport'> | undefined): 'text' | 'nothing-to-report' | 'unanswered' {
  if (answer?.nothingToReport) return 'nothing-to-report';
  return !answer || answer.text.trim() === '' ? 'unanswered' : 'text';
}

/** Index answers by section id (later duplicates win, as a later save would). */
export function answersById<T extends { id: string }>(sections: readonly T[]): Map<string, T> {
  return new Map(sections.map((section) => [section.id, section]));
}
