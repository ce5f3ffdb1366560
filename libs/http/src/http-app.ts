import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isUtf8 } from 'node:buffer';
import { DEFAULT_BODY_LIMITS, type BodyLimits } from './errors/raw-body-rules';
import { SpiralExceptionFilter } from './errors/spiral-exception.filter';
import { spiralValidationPipe } from './errors/validation.pipe';
import { serveOpenApi } from './openapi/openapi';
import { correlationIdMiddleware } from './request/correlation-id.middleware';

export interface HttpAppOptions extends Partial<BodyLimits> {
  /** Largest accepted body; larger ones get 413 (SPEC: 1 MiB by default, configurable). */
  readonly maxBodyBytes: number;
}

/**
 * body-parser decodes invalid UTF-8 into U+FFFD and would store it as sent; SPEC "Bad input" wants a
 * 400. It checks the bytes after any Content-Encoding is undone, before JSON.parse.
 */
function refuseInvalidUtf8(_request: unknown, _response: unknown, bytes: Buffer): void {
  if (!isUtf8(bytes)) throw Object.assign(new Error('the body is not valid UTF-8; send JSON encoded as UTF-8'), { status: 400, type: 'entity.invalid.utf8' });
}

/** Everything an app serving Spiral's HTTP API sets up the same way, whichever level it serves. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: options.maxBodyBytes, strict: true, verify: refuseInvalidUtf8 });
  express.disable('x-powered-by');
  app.use(correlationIdMiddleware);
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
