import { BadRequestException } from '@nestjs/common';

/**
 * For a POST that takes no fields (starting a verification, a rebuild): SPEC "Bad input" says
 * unknown fields are refused, never ignored. The body is checked here rather than by a class of no
 * fields: a POST without a body (a page's button) has none for the validation pipe to transform.
 * `what` names the thing started, for the message ("a verification").
 */
export function refuseAnyField(body: unknown, what: string): void {
  if (body === undefined) return;
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  const fields = isObject ? Object.keys(body) : ['(body)'];
  if (fields.length === 0) return;
  throw new BadRequestException({
    error: 'invalid_input',
    message: `${what} takes no fields`,
    problems: fields.slice(0, 10).map((field) => ({ field, reason: `${what} takes no fields: send an empty body` })),
  });
}
