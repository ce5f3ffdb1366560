import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { SpiralCommandHandler } from './application/spiral.command-handler';
import { TeamCommandHandler } from './application/team.command-handler';
import { SpiralStepsController } from './http/spiral-steps.controller';
import { SpiralsController } from './http/spirals.controller';
import { TeamsController } from './http/teams.controller';

const commandHandlers = [TeamCommandHandler, SpiralCommandHandler];
const controllers = [TeamsController, SpiralsController, SpiralStepsController];

/** The local level: clinical teams and their spirals. Needs EVENT_STORE and CLOCK. */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: commandHandlers,
})
export class LocalModule {}
