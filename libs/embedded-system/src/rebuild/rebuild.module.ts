import { Module } from '@nestjs/common';
import { RebuildJobs } from './rebuild-jobs';
import { RebuildsController } from './rebuilds.controller';

/** POST /rebuilds: needs JobsModule (the queue, the worker entry's `rebuild` jobs) and LiveViewsModule (to pause the live views). */
@Module({
  controllers: [RebuildsController],
  providers: [RebuildJobs],
})
export class RebuildModule {}
