import { BadRequestException } from '@nestjs/common';

/**
 * POST /audit/verifications takes no fields (SPEC "Bad input": unknown fields are refused, never
 * ignored). The body is checked here rather than by a class of no fields: a POST without a body
 * (the audit page's button) has none for the validation pipe to transform.
 */
export function refuseAnyField(body: unknown): void {
  if (body === undefined) return;
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  const fields = isObject ? Object.keys(body) : ['(body)'];
  if (fields.length === 0) return;
  throw new BadRequestException({
    error: 'invalid_input',
    message: 'a verification takes no fields',
    problems: fields.slice(0, 10).map((field) => ({ field, reason: 'a verification takes no fields: send an empty body' })),
  });
}
