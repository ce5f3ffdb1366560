import { Module, type DynamicModule } from '@nestjs/common';
import { EvaluationController } from './http/evaluation.controller';
import { ReplaysController } from './http/replays.controller';
import { ISOLATED_COPIES, type IsolatedCopies } from './isolated-copies';
import { ReplayJobs } from './replay-jobs';

/**
 * Analysts' replays and evaluations over HTTP. Needs EVENT_STORE and CLOCK, and the projections of
 * ProjectionsModule (the views a replay can rebuild); `copies` says where a replay's isolated views
 * live on this engine (a SQLite file of its own embedded, prefixed collections on MongoDB).
 */
@Module({})
export class ReplayModule {
  static forRoot(options: { readonly copies: IsolatedCopies }): DynamicModule {
    return {
      module: ReplayModule,
      controllers: [ReplaysController, EvaluationController],
      providers: [{ provide: ISOLATED_COPIES, useValue: options.copies }, ReplayJobs],
      exports: [ReplayJobs],
    };
  }
}
