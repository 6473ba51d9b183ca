/**
 * Input validation at the boundary, one way for both adapters: a zod schema's issues become field
 * errors named after where the input came from (`body.text`, `path.section`, `query.status`).
 */
import type { z } from 'zod';
import { InvalidInputError, type FieldError } from '../workflow';

export type InputTarget = 'body' | 'path' | 'query' | 'header' | 'cookie';

/** zod issues as field errors under `target`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], target: string): FieldError[] {
  return issues.map((issue) => ({ path: [target, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/** The 400 of invalid input, listing every field error. */
export function invalidInput(errors: FieldError[]): InvalidInputError {
  return new InvalidInputError(`The request is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}

/** Parses `value` with `schema` or throws the 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, target: InputTarget): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(fieldErrors(result.error.issues, target));
  return result.data;
}
