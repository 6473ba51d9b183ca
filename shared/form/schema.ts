/**
 * Questionnaire types: a reporting form (policy targets → operational goals → A/B/C questions)
 * and the cycle that owns it. Forms are versioned data validated with zod at load time.
 */
import { z } from 'zod';

export const QUESTION_KEYS = ['A', 'B', 'C'] as const;
export type QuestionKey = (typeof QUESTION_KEYS)[number];

/**
 * Identifier formats. Kept as data so that other layers (HTTP path schemas with OpenAPI metadata)
 * build their own schemas from the same rules.
 */
export const ID_FORMATS = {
  /** `1.1.A` … `4.2.C`: goal id, then question key. */
  section: { pattern: /^\d+\.\d+\.[ABC]$/, message: 'must look like 1.1.A' },
  /** ISO 3166-1 alpha-2 (Kosovo uses the user-assigned `XK`). */
  country: { pattern: /^[A-Z]{2}$/, message: 'must be an ISO 3166-1 alpha-2 code' },
  cycle: { pattern: /^\d{4}$/, message: 'must be a four-digit year' },
} as const;

export const SectionIdSchema = z.string().regex(ID_FORMATS.section.pattern, ID_FORMATS.section.message);
export type SectionId = z.infer<typeof SectionIdSchema>;
export const CountryCodeSchema = z.string().regex(ID_FORMATS.country.pattern, ID_FORMATS.country.message);
export const CycleIdSchema = z.string().regex(ID_FORMATS.cycle.pattern, ID_FORMATS.cycle.message);

const PromptsSchema = z.object({ A: z.string().min(1), B: z.string().min(1), C: z.string().min(1) });

export const GoalSchema = z.object({
  /** `N.M`: target number, goal number within the target. */
  id: z.string().regex(/^\d+\.\d+$/),
  title: z.string().min(1),
  /** The three questions; the same for every goal except where the published form words one differently. */
  prompts: PromptsSchema,
});

export const TargetSchema = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  goals: z.array(GoalSchema).min(1),
});

export const FormSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: z.string().min(1),
    targets: z.array(TargetSchema).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.targets.forEach((target, ti) => {
      if (target.number !== ti + 1) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'number'], message: 'targets are numbered 1, 2, … in order' });
      target.goals.forEach((goal, gi) => {
        if (goal.id !== `${target.number}.${gi + 1}`) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'goals', gi, 'id'], message: `expected ${target.number}.${gi + 1}` });
        if (seen.has(goal.id)) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'goals', gi, 'id'], message: 'duplicate goal id' });
        seen.add(goal.id);
      });
    });
  });

export type Goal = z.infer<typeof GoalSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Form = z.infer<typeof FormSchema>;

export const ParticipantSchema = z.object({ code: CountryCodeSchema, name: z.string().min(1) });
export type Participant = z.infer<typeof ParticipantSchema>;

export const CycleSchema = z.object({
  id: CycleIdSchema,
  /** Year shown in the form's title ("2014 Reporting Form"). */
  year: z.number().int(),
  form: FormSchema,
  /** ISO date-time by which reports are due. */
  deadline: z.iso.datetime({ offset: true }),
  participants: z.array(ParticipantSchema).min(1),
});
export type Cycle = z.infer<typeof CycleSchema>;

/** One question of one goal: the unit that is saved, submitted, approved or returned. */
export interface Section {
  id: SectionId;
  targetNumber: number;
  goalId: string;
  question: QuestionKey;
  prompt: string;
}

/** The form's sections in form order (1.1.A, 1.1.B, 1.1.C, 2.1.A, …). */
export function sectionsOf(form: Form): Section[] {
  return form.targets.flatMap((target) =>
    target.goals.flatMap((goal) =>
      QUESTION_KEYS.map((question) => ({
        id: `${goal.id}.${question}`,
        targetNumber: target.number,
        goalId: goal.id,
        question,
        prompt: goal.prompts[question],
      })),
    ),
  );
}
