import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { IdempotencyKeyReused } from '@spiral/command-handling';
import { AccessDenied, AlreadyExists, DomainError, InvalidInput, NotFound, RuleViolated } from '@spiral/decider';
import { EventIdInUse, EventStoreFailed, PartialDuplicateAppend, WrongExpectedRevision } from '@spiral/ports';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/access.guard';
import { requestForLog } from '../logging/pino-options';
import { JSON_CONTENT_TYPE } from '../json-content-type';
import type { ErrorBody } from './error-body';

/** The one place where errors become HTTP answers (STYLE: domain errors mapped in one filter). */
@Catch()
export class SpiralExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');
  private readonly accessLogger = new Logger('Access');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const body = errorBodyOf(exception);
    const unauthenticated = body.statusCode === Number(HttpStatus.UNAUTHORIZED);
    if (unauthenticated || body.statusCode === Number(HttpStatus.FORBIDDEN)) {
      // SPEC "Access": every refusal is logged with who and what. One place for all of them (the guard's
      // 401/403, a read out of scope, a domain AccessDenied), so each refusal is one line with the request.
      const refused = unauthenticated ? 'unauthenticated' : exception instanceof AccessDenied ? 'domain' : 'forbidden';
      this.accessLogger.warn({ refused, actor: request.actor ?? null, method: request.method, path: request.originalUrl, reason: body.message, ...requestForLog(request.raw) });
    } else if (body.statusCode >= 500) {
      this.logger.error({ method: request.method, path: request.originalUrl, error: exception instanceof Error ? exception.stack : String(exception), ...requestForLog(request.raw) });
    }
    // JSON whatever type the route had set for its answer (chart.svg's image/svg+xml): Fastify would refuse an object body under it.
    http.getResponse<FastifyReply>().status(body.statusCode).type(JSON_CONTENT_TYPE).send(body);
  }
}

/** The answer to any exception: the filter sends it, and so does Fastify for a URL it cannot read (http-app.ts). */
export function errorBodyOf(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (exception instanceof WrongExpectedRevision) {
    return { statusCode: HttpStatus.CONFLICT, error: exception.code, message: `${exception.message}; reload it and try again` };
  }
  if (exception instanceof PartialDuplicateAppend || exception instanceof EventIdInUse) {
    // An Idempotency-Key reused for a different command: the key is taken, not the request retried.
    return { statusCode: HttpStatus.CONFLICT, error: exception.code, message: `${exception.message}; use a new Idempotency-Key for a new command` };
  }
  if (exception instanceof IdempotencyKeyReused) {
    return { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, error: exception.code, message: exception.message };
  }
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof EventStoreFailed) return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: exception.code, message: exception.message };
  if (isBodyParserError(exception)) return fromBodyParserError(exception);
  if (isFastifyClientError(exception)) return fromFastifyClientError(exception);
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal', message: 'something failed on our side; the request may be retried with the same Idempotency-Key' };
}

function fromDomainError(error: DomainError): ErrorBody {
  if (error instanceof InvalidInput) {
    return { statusCode: HttpStatus.BAD_REQUEST, error: error.code, message: error.message, problems: error.problems };
  }
  const status =
    error instanceof NotFound ? HttpStatus.NOT_FOUND
    : error instanceof AlreadyExists ? HttpStatus.CONFLICT
    : error instanceof AccessDenied ? HttpStatus.FORBIDDEN
    : error instanceof RuleViolated ? HttpStatus.UNPROCESSABLE_ENTITY
    : HttpStatus.UNPROCESSABLE_ENTITY;
  return { statusCode: status, error: error.code, message: error.message };
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const details = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = typeof details['message'] === 'string' ? details['message'] : exception.message;
  const problems = Array.isArray(details['problems']) ? (details['problems'] as ErrorBody['problems']) : undefined;
  const error = typeof details['error'] === 'string' ? details['error'] : HttpStatus[statusCode]?.toLowerCase() ?? 'error';
  return { statusCode, error, message, ...(problems ? { problems } : {}) };
}

/**
 * body-parser's own errors (malformed JSON 400, body too large 413, unsupported encoding 415) carry a
 * status and a type; a corrupt gzip, deflate or br stream reaches us as the decompressor's error
 * wrapped by http-errors with status 400, `expose` and no type. Either way it is the client's body:
 * a 4xx, never a 500.
 */
interface BodyParserError {
  readonly status: number;
  readonly type?: string;
  readonly expose?: boolean;
  readonly message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  const clientStatus = typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500;
  return clientStatus && (typeof candidate.type === 'string' || candidate.expose === true);
}

function fromBodyParserError(error: BodyParserError): ErrorBody {
  const message =
    error.type === 'entity.too.large' ? 'the body is larger than this server accepts (SPIRAL_MAX_BODY_BYTES)'
    : error.type === 'entity.parse.failed' ? `the body is not valid JSON: ${error.message}`
    : error.type === undefined ? `the body could not be decoded as its Content-Encoding says: ${error.message}`
    : error.message;
  return { statusCode: error.status, error: error.type ?? 'entity.encoding.corrupt', message };
}

/**
 * Fastify's own refusals of a request it cannot route or read (a malformed URL, a Content-Type that
 * is not one): its 4xx status in our body, so its own error format never reaches a client.
 */
interface FastifyClientError {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const candidate = error as Partial<FastifyClientError> | null;
  const clientStatus = typeof candidate?.statusCode === 'number' && candidate.statusCode >= 400 && candidate.statusCode < 500;
  return clientStatus && typeof candidate.code === 'string' && candidate.code.startsWith('FST_');
}

function fromFastifyClientError(error: FastifyClientError): ErrorBody {
  return { statusCode: error.statusCode, error: HttpStatus[error.statusCode]?.toLowerCase() ?? 'error', message: error.message };
}
