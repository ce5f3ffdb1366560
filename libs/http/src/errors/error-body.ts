import type { FieldProblem } from '@spiral/event-catalogue';

/** Every error answer has this shape: the status, a code a program can test, words a person can act on. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly problems?: readonly FieldProblem[];
}
