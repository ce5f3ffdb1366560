import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SpiralExceptionFilter } from './errors/spiral-exception.filter';
import { spiralValidationPipe } from './errors/validation.pipe';
import { serveOpenApi } from './openapi/openapi';
import { correlationIdMiddleware } from './request/correlation-id.middleware';

export interface HttpAppOptions {
  /** Largest accepted body; larger ones get 413 (SPEC: 1 MiB by default, configurable). */
  readonly maxBodyBytes: number;
}

/** Everything an app serving Spiral's HTTP API sets up the same way, whichever level it serves. */
export function configureHttpApp(app: INestApplication, options: HttpAppOptions): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: options.maxBodyBytes, strict: true });
  express.disable('x-powered-by');
  app.use(correlationIdMiddleware);
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(spiralValidationPipe());
  app.useGlobalFilters(new SpiralExceptionFilter());
  app.enableShutdownHooks();
  serveOpenApi(app);
}
