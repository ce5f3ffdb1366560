import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { configureHttpApp, spiralHttpAdapter } from '@spiral/http';
import { Logger } from 'nestjs-pino';
import { prepareDataFolder } from './data-folder';
import { DEVELOPMENT_JWT_SECRET, type EmbeddedConfig } from './embedded-config';
import { EmbeddedModule } from './embedded.module';

/** Builds the embedded system as a Nest application, not yet listening (tests use it as is). */
export async function createEmbeddedApp(config: EmbeddedConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(EmbeddedModule.forRoot(config), spiralHttpAdapter(config.requestTimeoutSeconds), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  configureHttpApp(app, { maxBodyBytes: config.maxBodyBytes, maxProperties: config.maxBodyProperties, maxProblems: config.maxProblems });
  return app;
}

/** Starts the embedded system and says where it listens. */
export async function startEmbedded(config: EmbeddedConfig): Promise<NestFastifyApplication> {
  prepareDataFolder(config.dataDir);
  const app = await createEmbeddedApp(config);
  await app.listen(config.port, config.host);
  const logger = app.get(Logger);
  if (config.jwtSecret === DEVELOPMENT_JWT_SECRET) {
    logger.warn('SPIRAL_JWT_SECRET is not set: using the development secret. Set it before anyone else can reach this server.');
  }
  logger.log(`Spiral (embedded) listening on http://${config.host}:${config.port}/api/v1, data in ${config.dataDir}`);
  // Codes the seed writes (`spiral seed`: organisations S01-O01…, SHAs S01…), so the token opens data that exists.
  logger.log(`OpenAPI at http://${config.host}:${config.port}/api/docs; pages at http://${config.host}:${config.port}/; mint a token with: npm run spiral -- token --role local --org S01-O01 --sha S01`);
  return app;
}
