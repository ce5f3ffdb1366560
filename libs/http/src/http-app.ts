import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { answerClientError } from './errors/client-error-answer';
import { DEFAULT_BODY_LIMITS, type BodyLimits } from './errors/raw-body-rules';
import { errorBodyOf, SpiralExceptionFilter } from './errors/spiral-exception.filter';
import { spiralValidationPipe } from './errors/validation.pipe';
import { serveOpenApi } from './openapi/openapi';
import { setApiAnswerHeaders } from './request/api-answer-headers.hook';
import { echoCorrelationId } from './request/correlation-id.hook';
import { refuseUnreadableQuery } from './request/query-encoding.hook';
import { readJsonBodies } from './request/json-body';
import { JSON_CONTENT_TYPE } from './json-content-type';

export interface HttpAppOptions extends Partial<BodyLimits> {
  /** Largest accepted body; larger ones get 413 (SPEC: 1 MiB by default, configurable). */
  readonly maxBodyBytes: number;
}

/**
 * Routes as Express did, which the API's clients and its hostile-input suites were pinned on: a
 * trailing slash and the letters' case do not matter, and an over-long id reaches validation (a 400
 * that says so) instead of Fastify's 100-character cap on a path parameter (a 404).
 */
const ROUTER_OPTIONS = { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 16 * 1024 };

/**
 * A URL the router cannot decode (`/api/v1/spirals/%E0%A4%A`) is refused before any hook or filter
 * runs, and Fastify answered it in its own format; it gets ours, with the correlation id and the
 * API's headers, and says what to do.
 */
function answerUnreadableUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const noop = () => undefined;
  echoCorrelationId(request, reply, noop);
  setApiAnswerHeaders(request, reply, noop);
  const body = errorBodyOf(error);
  void reply.code(body.statusCode).type(JSON_CONTENT_TYPE).send({ ...body, message: `${body.message}: percent-encode each part of the path as UTF-8` });
}

/** Longest a client may take to send one whole request, headers and body (SPIRAL_REQUEST_TIMEOUT_SECONDS). */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/**
 * The HTTP adapter of every Spiral process: Fastify (issue #14: Express and its routing took 44 % of
 * a command's request-thread CPU).
 *
 * Fastify turns Node's request timeout off, so a client that sent half a body and waited held its
 * connection and body reader for ever (SPEC "Bad input": no request can stall the server); such a
 * request now gets 408 and its connection is closed. Node applies the headers timeout too (it must
 * not exceed the request timeout to take effect) and looks for late requests once a second.
 */
export function spiralHttpAdapter(requestTimeoutSeconds = DEFAULT_REQUEST_TIMEOUT_SECONDS): FastifyAdapter {
  const timeoutMs = requestTimeoutSeconds * 1000;
  return new FastifyAdapter({
    routerOptions: ROUTER_OPTIONS,
    frameworkErrors: answerUnreadableUrl,
    clientErrorHandler: answerClientError(requestTimeoutSeconds),
    requestTimeout: timeoutMs,
    http: { headersTimeout: timeoutMs, connectionsCheckingInterval: Math.min(1000, timeoutMs) },
  });
}

/** Everything an app serving Spiral's HTTP API sets up the same way, whichever level it serves. */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  readJsonBodies(fastify, options.maxBodyBytes);
  fastify.addHook('onRequest', echoCorrelationId);
  fastify.addHook('onRequest', setApiAnswerHeaders);
  fastify.addHook('onRequest', refuseUnreadableQuery);
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(
    spiralValidationPipe({
      maxProperties: options.maxProperties ?? DEFAULT_BODY_LIMITS.maxProperties,
      maxProblems: options.maxProblems ?? DEFAULT_BODY_LIMITS.maxProblems,
    }),
  );
  app.useGlobalFilters(new SpiralExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app);
}

/**
 * Initialises the app and readies Fastify, so that its server answers requests without listen()
 * (supertest against getHttpServer(), a test's own listen on a free port). After this no route can
 * be added.
 */
export async function readyHttpApp<T extends INestApplication>(app: T): Promise<T> {
  await app.init();
  await (app as unknown as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  return app;
}
