import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, type FieldProblem } from '@spiral/event-catalogue';
import { rawBodyProblems } from './raw-body-rules';

function invalidInput(problems: readonly FieldProblem[]): BadRequestException {
  return new BadRequestException({
    error: 'invalid_input',
    message: `the request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ${problems.map((p) => p.field || 'body').join(', ')}`,
    problems,
  });
}

/** Refuses, before class-transformer runs, what it would silently drop or overflow on (raw-body-rules.ts). */
class SpiralValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = rawBodyProblems(value);
      if (problems.length > 0) throw invalidInput(problems);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

/**
 * Bodies are checked before anything is stored: unknown fields refused (never ignored), every
 * invalid field reported with why, types converted only by the DTO's own rules.
 */
export function spiralValidationPipe(): ValidationPipe {
  return new SpiralValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors)),
  });
}
