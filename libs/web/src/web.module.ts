import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SpiralChartController } from './spiral-chart.controller';
import { WEB_HEADERS, webFiles } from './web-pages';

/**
 * The web pages at `/` (outside the API's /api/v1 prefix, so they are routes of the HTTP adapter
 * itself, added before Nest's not-found handler) and GET /api/v1/spirals/:id/chart.svg. The pages
 * are public files; every figure on them comes from the API, called with the signed-in user's token.
 */
@Module({ controllers: [SpiralChartController] })
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | null;
    // An application context without HTTP (the seeder builds one from the same modules) serves no pages.
    if (!adapter) return;
    for (const [path, file] of webFiles()) {
      adapter.get(path, (_request: unknown, response: unknown) => {
        for (const [name, value] of Object.entries(WEB_HEADERS)) adapter.setHeader(response, name, value);
        adapter.setHeader(response, 'Content-Type', file.contentType);
        adapter.reply(response, file.body, 200);
      });
    }
  }
}
