import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@spiral/event-catalogue';

/**
 * Bodies are checked before anything is stored: unknown fields refused (never ignored), every
 * invalid field reported with why, types converted only by the DTO's own rules.
 */
export function spiralValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = flattenValidationErrors(errors);
      return new BadRequestException({
        error: 'invalid_input',
        message: `the request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ${problems.map((p) => p.field || 'body').join(', ')}`,
        problems,
      });
    },
  });
}
