import type { FieldProblem } from '@spiral/event-catalogue';

/**
 * Errors a decision may end with. Each names what went wrong in words a user can act on; the HTTP
 * layer maps each class to one status in a single exception filter.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** A business rule refuses the command in the current state (HTTP 422). */
export class RuleViolated extends DomainError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The command names something that does not exist (HTTP 404). */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} does not exist`);
  }
}

/** The thing the command would create exists already (HTTP 409). */
export class AlreadyExists extends DomainError {
  readonly code = 'already_exists';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} exists already`);
  }
}

/** The actor may not do this to this thing (HTTP 403). */
export class AccessDenied extends DomainError {
  readonly code = 'access_denied';
}

/** Input that passes the shape checks but not a rule that needs state or time (HTTP 400). */
export class InvalidInput extends DomainError {
  readonly code = 'invalid_input';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '));
  }
}
