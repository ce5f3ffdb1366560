import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_BODY_LIMITS, type BodyLimits } from './errors/raw-body-rules';
import { SpiralExceptionFilter } from './errors/spiral-exception.filter';
import { spiralValidationPipe } from './errors/validation.pipe';
import { serveOpenApi } from './openapi/openapi';
import { echoCorrelationId } from './request/correlation-id.hook';
import { readJsonBodies } from './request/json-body';

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
 * The HTTP adapter of every Spiral process: Fastify (issue #14: Express and its routing took 44 % of
 * a command's request-thread CPU).
 */
export function spiralHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({ routerOptions: ROUTER_OPTIONS });
}

/** Everything an app serving Spiral's HTTP API sets up the same way, whichever level it serves. */
export function configureHttpApp(app: NestFastifyApplication, options: HttpAppOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  readJsonBodies(fastify, options.maxBodyBytes);
  fastify.addHook('onRequest', echoCorrelationId);
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
