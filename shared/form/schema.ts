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

/** Longest question and title a form may have (far above the published ones). */
export const MAX_PROMPT_LENGTH = 1_000;
export const MAX_FORM_TITLE_LENGTH = 2_000;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const PromptsSchema = z.object({ A: text(MAX_PROMPT_LENGTH), B: text(MAX_PROMPT_LENGTH), C: text(MAX_PROMPT_LENGTH) });

export const GoalSchema = z.object({
  /** `N.M`: target number, goal number within the target. */
  id: z.string().regex(/^\d+\.\d+$/, 'must look like 1.1 (target number, goal number)'),
  title: text(MAX_FORM_TITLE_LENGTH),
  /** The three questions; the same for every goal except where the published form words one differently. */
  prompts: PromptsSchema,
});

export const TargetSchema = z.object({
  number: z.number().int().positive(),
  title: text(MAX_FORM_TITLE_LENGTH),
  goals: z.array(GoalSchema).min(1, 'must have at least one goal').max(20, 'must have at most 20 goals'),
});

export const FormSchema = z
  .object({
    id: z.string().min(1).max(100),
    version: z.number().int().positive(),
    title: text(MAX_FORM_TITLE_LENGTH),
    targets: z.array(TargetSchema).min(1, 'must have at least one target').max(20, 'must have at most 20 targets'),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.targets.forEach((target, ti) => {
      if (target.number !== ti + 1) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'number'], message: `must be ${ti + 1} (targets are numbered 1, 2, … in order)` });
      target.goals.forEach((goal, gi) => {
        if (goal.id !== `${target.number}.${gi + 1}`) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'goals', gi, 'id'], message: `must be ${target.number}.${gi + 1} (goals are numbered in order within their target)` });
        if (seen.has(goal.id)) ctx.addIssue({ code: 'custom', path: ['targets', ti, 'goals', gi, 'id'], message: `${goal.id} is used by another goal` });
        seen.add(goal.id);
      });
    });
  });

export type Goal = z.infer<typeof GoalSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Form = z.infer<typeof FormSchema>;

export const ParticipantSchema = z.object({ code: CountryCodeSchema, name: z.string().min(1) });
export type Participant = z.infer<typeof ParticipantSchema>;

/** A cycle is planned (its form may change), open (reports change, the form is frozen) or closed (nothing changes). */
export const CYCLE_STATUSES = ['planned', 'open', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

const IsoDateTime = z.iso.datetime({ offset: true });

/** A later deadline for one participant, with why, who granted it and when. */
export const ExtensionSchema = z.object({
  deadline: IsoDateTime,
  reason: z.string().min(1),
  by: z.object({ sub: z.string(), name: z.string() }),
  at: IsoDateTime,
});
export type Extension = z.infer<typeof ExtensionSchema>;

export const CycleSchema = z
  .object({
    id: CycleIdSchema,
    /** Year shown in the form's title ("2014 Reporting Form"). */
    year: z.number().int(),
    title: z.string().min(1),
    form: FormSchema,
    /** ISO date-time by which reports are due (a participant's extension may move it later). */
    deadline: IsoDateTime,
    /** When the secretariat means to open it (informational; opening is an admin's action). */
    opensAt: IsoDateTime.optional(),
    participants: z.array(ParticipantSchema).min(1),
    status: z.enum(CYCLE_STATUSES),
    /** The cycle this one follows up: question A asks about the commitments of its question C. */
    previous: CycleIdSchema.optional(),
    /** Deadline extensions by participant code. */
    extensions: z.record(CountryCodeSchema, ExtensionSchema).default({}),
  })
  .superRefine((cycle, ctx) => {
    const seen = new Set<string>();
    cycle.participants.forEach((p, i) => {
      if (seen.has(p.code)) ctx.addIssue({ code: 'custom', path: ['participants', i, 'code'], message: `${p.code} is listed twice` });
      seen.add(p.code);
    });
    for (const code of Object.keys(cycle.extensions)) {
      if (!seen.has(code)) ctx.addIssue({ code: 'custom', path: ['extensions', code], message: `${code} does not take part in the cycle` });
    }
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
