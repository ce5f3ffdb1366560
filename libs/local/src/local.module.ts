import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { SpiralCommandHandler } from './application/spiral.command-handler';
import { TeamCommandHandler } from './application/team.command-handler';
import { LocalViewsController } from './http/local-views.controller';
import { SpiralStepsController } from './http/spiral-steps.controller';
import { SpiralsController } from './http/spirals.controller';
import { StoredViews } from './http/stored-views';
import { TeamsController } from './http/teams.controller';
import { GainsProcessManagerHost } from './process-managers/gains-process-manager.host';

const commandHandlers = [TeamCommandHandler, SpiralCommandHandler];
const controllers = [TeamsController, SpiralsController, SpiralStepsController, LocalViewsController];

/**
 * The local level: clinical teams and their spirals, their views, and the process manager that
 * records gains from the data. Needs EVENT_STORE, EVENT_FEED, VIEW_STORE and CLOCK; the local
 * projections (`localProjections`) run in the app's ProjectionsModule.
 */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: [...commandHandlers, StoredViews, GainsProcessManagerHost],
})
export class LocalModule {}
