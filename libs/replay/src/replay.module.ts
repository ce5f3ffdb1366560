import { Module } from '@nestjs/common';
import { EvaluationController } from './http/evaluation.controller';
import { EvaluationsController } from './http/evaluations.controller';
import { ReplaysController } from './http/replays.controller';
import { EvaluationJobs } from './jobs/evaluation-jobs';
import { ReplayJobs } from './replay-jobs';

/**
 * Analysts' replays and evaluations over HTTP, run as jobs: needs JobsModule (the queue, and the
 * worker entry that runs `replay` and `evaluation` jobs: runReplayJob, evaluate), CLOCK, and the
 * projections of ProjectionsModule (the views a replay can rebuild). Replays' isolated copies are
 * SQLite files, so these routes are served by the embedded system.
 */
@Module({
  controllers: [ReplaysController, EvaluationController, EvaluationsController],
  providers: [ReplayJobs, EvaluationJobs],
  exports: [ReplayJobs, EvaluationJobs],
})
export class ReplayModule {}
