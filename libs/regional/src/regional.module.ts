import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { NetworkCommandHandler } from './application/network.command-handler';
import { RegionCommandHandler } from './application/region.command-handler';
import { NetworksController } from './http/networks.controller';
import { RegionsController } from './http/regions.controller';

const commandHandlers = [RegionCommandHandler, NetworkCommandHandler];
const controllers = [RegionsController, NetworksController];

/** The regional level: a region's priorities, support, spread strategies and networks. Needs EVENT_STORE and CLOCK. */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: commandHandlers,
})
export class RegionalModule {}
