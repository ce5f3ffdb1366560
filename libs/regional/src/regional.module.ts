import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { NetworkCommandHandler } from './application/network.command-handler';
import { RegionCommandHandler } from './application/region.command-handler';
import { NetworksController } from './http/networks.controller';
import { RegionalViewController } from './http/regional-view.controller';
import { RegionsController } from './http/regions.controller';

const commandHandlers = [RegionCommandHandler, NetworkCommandHandler];
const controllers = [RegionsController, NetworksController, RegionalViewController];

/**
 * The regional level: a region's priorities, support, spread strategies and networks, and its view.
 * Needs EVENT_STORE, VIEW_STORE and CLOCK; the view's projection runs in ProjectionsModule.
 */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: commandHandlers,
})
export class RegionalModule {}
