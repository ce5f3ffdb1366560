import { InvalidInput } from '@spiral/decider';

/**
 * A read that takes no query parameters refuses every one (SPEC "Bad input": unknown query
 * parameters are refused like unknown fields), rather than ignoring, say, `?asOf=` an auditor
 * thought would date the trace. The route takes the query as a plain object, which the global
 * validation pipe passes through (a class with no rules would be refused even when empty).
 */
export function refuseQueryParameters(query: Readonly<Record<string, unknown>>): void {
  const names = Object.keys(query);
  if (names.length > 0) throw new InvalidInput(names.map((field) => ({ field, reason: `property ${field} should not exist: this read takes no query parameters` })));
}
