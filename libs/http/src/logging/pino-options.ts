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

/** The LoggerModule options of every Spiral process: its level, request logging only at debug, redaction always. */
export function spiralLoggerParams(level: string, logRequests = level === 'debug'): Params {
  return { pinoHttp: { level, autoLogging: logRequests, redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' } } };
}
