import { BadRequestException, PayloadTooLargeException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, type FieldProblem } from '@spiral/event-catalogue';
import { BodyTooWide, DEFAULT_BODY_LIMITS, rawBodyProblems, type BodyLimits } from './raw-body-rules';

/** 400 with at most `maxProblems` problems: the answer stays small however broken the body is. */
function invalidInput(problems: readonly FieldProblem[], limits: BodyLimits): BadRequestException {
  const shown = problems.slice(0, limits.maxProblems);
  const more = problems.length - shown.length;
  return new BadRequestException({
    error: 'invalid_input',
    message:
      `the request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ${shown.map((p) => p.field || 'body').join(', ')}` +
      (more > 0 ? ` and ${more} more (the first ${limits.maxProblems} are listed)` : ''),
    problems: shown,
  });
}

/** Refuses, before class-transformer runs, what it would silently drop, overflow on or spend too long on (raw-body-rules.ts). */
class SpiralValidationPipe extends ValidationPipe {
  constructor(private readonly limits: BodyLimits) {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => invalidInput(flattenValidationErrors(errors), limits),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const problems = rawBodyPass(value, this.limits);
      if (problems.length > 0) throw invalidInput(problems, this.limits);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

function rawBodyPass(value: unknown, limits: BodyLimits): FieldProblem[] {
  try {
    return rawBodyProblems(value, limits);
  } catch (error) {
    if (error instanceof BodyTooWide) throw new PayloadTooLargeException({ error: 'entity.too.wide', message: error.message });
    throw error;
  }
}

/**
 * Bodies are checked before anything is stored: unknown fields refused (never ignored), every
 * invalid field reported with why (up to the cap), types converted only by the DTO's own rules.
 */
export function spiralValidationPipe(limits: BodyLimits = DEFAULT_BODY_LIMITS): ValidationPipe {
  return new SpiralValidationPipe(limits);
}
