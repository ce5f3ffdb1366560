import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

/**
 * SPEC "Access": a refusal is logged, never the credential. nestjs-pino binds the request (headers
 * included) to every line logged while serving it (refusals, replay requests), so the credential
 * headers are censored wherever a request or response appears, and any field named token anywhere.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  '*.authorization',
];

/** The levels pino knows: LOG_LEVEL must be one (pino throws on any other, mid-start, with a stack). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The LoggerModule options of every Spiral process: its level, request logging only at debug,
 * redaction always. Below debug no request is bound to its lines (`forRoutes: []`): pino-http's
 * child logger per request (the request serialised and redacted) and nestjs-pino's
 * AsyncLocalStorage scope cost about 15 % of the request thread under command load, for lines that
 * were never written. The few lines written while serving a request (refusals, failures) name it
 * themselves (requestForLog).
 */
export function spiralLoggerParams(level: string, logRequests = level === 'debug'): Params {
  return {
    ...(logRequests ? {} : { forRoutes: [] }),
    pinoHttp: { level, autoLogging: logRequests, redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' } },
  };
}

/** The request's headers for a line that already names its method and path (credentials redacted by REDACTED_LOG_PATHS), unless pino-http bound the request to the line. */
export function requestForLog(request: IncomingMessage): { req?: { headers: IncomingMessage['headers'] } } {
  return (request as { log?: unknown }).log === undefined ? { req: { headers: request.headers } } : {};
}
