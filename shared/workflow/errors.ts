/**
 * The one error hierarchy of the product. Each error knows the HTTP status and problem type it
 * renders as (shared/http maps them to RFC 9457 problem+json in one place); the workflow and the
 * store throw them without knowing about HTTP frameworks.
 */

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.comment` or `header.if-match`. */
  path: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** Slug for the problem `type` URI. */
  abstract readonly type: string;
  readonly errors?: FieldError[];

  constructor(detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = new.target.name;
    if (errors?.length) this.errors = errors;
  }
}

export class InvalidInputError extends AppError {
  readonly status = 400;
  readonly title = 'Invalid input';
  readonly type = 'invalid-input';
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly title = 'Not signed in';
  readonly type = 'unauthenticated';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly title = 'Forbidden';
  readonly type = 'forbidden';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
  readonly type = 'not-found';
}

/** The action is not allowed in the current state (or the state changed under the request). */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly title = 'Conflict';
  readonly type = 'conflict';
}

export class PreconditionFailedError extends AppError {
  readonly status = 412;
  readonly title = 'Precondition failed';
  readonly type = 'precondition-failed';
}

export class PreconditionRequiredError extends AppError {
  readonly status = 428;
  readonly title = 'Precondition required';
  readonly type = 'precondition-required';
}
