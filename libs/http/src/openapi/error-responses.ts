import type { OpenAPIObject } from '@nestjs/swagger';

/** The key an operation carries when it needs no token (the Public decorator sets it). */
export const PUBLIC_OPERATION = 'x-spiral-public';

type Operation = { responses?: Record<string, unknown>; parameters?: { in?: string }[]; requestBody?: unknown; security?: unknown[] } & Record<string, unknown>;

const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string', description: 'a code a program can test' },
    message: { type: 'string', description: 'what happened and what to do' },
    problems: { type: 'array', items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
  },
};

const WHY: Readonly<Record<number, string>> = {
  400: 'a parameter, query parameter or body field is invalid or unknown (every problem named, up to SPIRAL_MAX_PROBLEMS), the body is not JSON, not UTF-8, or its Content-Encoding is corrupt',
  401: 'no token, or not exactly `Bearer <token>`, or the token is invalid, expired, without exp, issued in the future or longer-lived than allowed',
  403: "the token's role or scope may not do this",
  404: 'what the path names does not exist',
  409: 'If-Match is stale, the thing exists already, or the Idempotency-Key is in use on another stream',
  413: 'the body is over SPIRAL_MAX_BODY_BYTES, or holds more than SPIRAL_MAX_BODY_PROPERTIES fields and items',
  415: 'the body is in a charset or Content-Encoding this server does not read',
  422: 'a rule of the domain refuses it, or the Idempotency-Key was used for another request',
};

/**
 * SPEC "HTTP API": every operation lists the error answers it gives, in the one error shape
 * (ErrorBody), so a client (or schemathesis) can tell a documented refusal from a fault. Which
 * ones: what any request may get (400 for unknown query parameters too; 401/403 unless public),
 * 404 where a path names something, and for commands what a body and a write may get.
 */
export function documentErrorAnswers(document: OpenAPIObject): void {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY } };
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const isPublic = operation[PUBLIC_OPERATION] === true;
      if (isPublic) operation.security = [];
      const statuses = [
        400,
        ...(isPublic ? [] : [401, 403]),
        ...(operation.parameters?.some((parameter) => parameter.in === 'path') ? [404] : []),
        ...(method === 'post' ? [409, 413, 415, 422] : []),
      ];
      operation.responses = { ...operation.responses };
      for (const status of statuses) {
        operation.responses[String(status)] ??= { description: WHY[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
      }
    }
  }
}
