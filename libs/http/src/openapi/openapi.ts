import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentErrorAnswers } from './error-responses';
import { requestSchemas } from './request-schemas';

/**
 * Serves the OpenAPI document at /api/docs (and its JSON at /api/docs-json). Request schemas come
 * from the same class-validator rules that check the bodies, so the document cannot drift from them.
 */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Spiral API')
    .setDescription('Record each turn of the improvement spiral and see spread and impact at every level.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...requestSchemas(app) } };
  documentErrorAnswers(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
