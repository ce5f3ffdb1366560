import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { FieldTestCommandHandler } from './application/field-test.command-handler';
import { NationalPrioritiesCommandHandler } from './application/national-priorities.command-handler';
import { PracticeCommandHandler } from './application/practice.command-handler';
import { FieldTestsController } from './http/field-tests.controller';
import { NationalPrioritiesController } from './http/national-priorities.controller';
import { PracticesController } from './http/practices.controller';

const commandHandlers = [PracticeCommandHandler, FieldTestCommandHandler, NationalPrioritiesCommandHandler];
const controllers = [PracticesController, FieldTestsController, NationalPrioritiesController];

/** The national level: the practice catalogue, field tests and national priorities. Needs EVENT_STORE and CLOCK. */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: commandHandlers,
})
export class NationalModule {}
