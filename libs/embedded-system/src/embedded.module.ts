import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@spiral/audit';
import { SpiralHttpModule, spiralLoggerParams } from '@spiral/http';
import { ProjectionsModule } from '@spiral/projections';
import { LocalModule, localProjections } from '@spiral/local';
import { NationalModule, nationalProjections } from '@spiral/national';
import { RegionalModule, regionalProjections } from '@spiral/regional';
import { ReplayModule, sqliteCopies } from '@spiral/replay';
import { WebModule } from '@spiral/web';
import { LoggerModule } from 'nestjs-pino';
import type { EmbeddedConfig } from './embedded-config';
import { EmbeddedEnginesModule } from './embedded-engines.module';

/** All three levels, the feed and the views in one process on the embedded engines. */
@Module({})
export class EmbeddedModule {
  static forRoot(config: EmbeddedConfig): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        LoggerModule.forRoot(spiralLoggerParams(config.logLevel)),
        EmbeddedEnginesModule.forRoot(config.dataDir),
        ProjectionsModule.forRoot([...localProjections, ...regionalProjections, ...nationalProjections]),
        SpiralHttpModule.forRoot({ jwtSecret: config.jwtSecret, tokenMaxLifetimeSeconds: config.tokenMaxLifetimeSeconds }),
        LocalModule,
        RegionalModule,
        NationalModule,
        ReplayModule.forRoot({ copies: sqliteCopies() }),
        AuditModule,
        WebModule,
      ],
    };
  }
}
