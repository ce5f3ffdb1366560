import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { cacheValidationMetadataLookups } from './metadata-lookup-cache';

// Every process that validates payloads or requests imports this module: their rule lookups are kept.
cacheValidationMetadataLookups();

export interface FieldProblem {
  /** Dotted path of the field, e.g. "measure.unit" or "points.3.value". */
  readonly field: string;
  readonly reason: string;
}

/**
 * Validates a plain object against a class-validator class, refusing unknown fields (SPEC: unknown
 * fields are refused, never ignored). Returns every problem, not just the first.
 */
export function validatePayload(payloadClass: new () => object, plain: unknown): FieldProblem[] {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return [{ field: '', reason: 'must be a JSON object' }];
  }
  const instance = plainToInstance(payloadClass, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  return flattenValidationErrors(errors);
}

export function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // One problem per field: a missing text field fails every rule on it (string, length, characters…),
    // and six lines naming the same field hid the others; its reasons are kept, joined, once each.
    const reasons = [...new Set(Object.values(error.constraints ?? {}))];
    const own = reasons.length === 0 ? [] : [{ field, reason: reasons.join('; ') }];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
