import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, spiralHttpAdapter, type HttpAppOptions } from '@spiral/http';
import { Logger } from 'nestjs-pino';
import { ConfigError } from './distributed-config';

export interface ProcessOptions {
  /** Spiral's API set-up (body limit, validation, errors, OpenAPI); without it only /api/v1/health is served. */
  readonly api?: HttpAppOptions;
  /** Longest a client may take to send one whole request (SPIRAL_REQUEST_TIMEOUT_SECONDS); the adapter's default without. */
  readonly requestTimeoutSeconds?: number;
}

/** Builds a distributed process as a Nest application, not yet listening (tests use it as is). */
export async function createProcess(module: DynamicModule, options: ProcessOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, spiralHttpAdapter(options.requestTimeoutSeconds), { bufferLogs: true, bodyParser: options.api === undefined });
  app.useLogger(app.get(Logger));
  if (options.api) {
    configureHttpApp(app, options.api);
  } else {
    app.setGlobalPrefix('api/v1');
    app.enableShutdownHooks();
  }
  return app;
}

/** Starts a process and says where its health answers. */
export async function startProcess(
  name: string,
  module: DynamicModule,
  listen: { readonly port: number; readonly host: string },
  options: ProcessOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createProcess(module, options);
  await app.listen(listen.port, listen.host);
  app.get(Logger).log(`Spiral ${name} listening on http://${listen.host}:${listen.port}/api/v1 (health at /api/v1/health)`);
  return app;
}

/** Runs a process's start, turning a configuration problem into its list and exit code 1. */
export function runProcess(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? `Spiral ${name} cannot start: ${error.message}` : error);
    process.exit(1);
  });
}
