import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '@spiral/command-handling';
import { FieldTestCommandHandler } from './application/field-test.command-handler';
import { NationalPrioritiesCommandHandler } from './application/national-priorities.command-handler';
import { PracticeCommandHandler } from './application/practice.command-handler';
import { FieldTestsController } from './http/field-tests.controller';
import { NationalPrioritiesController } from './http/national-priorities.controller';
import { NationalViewController } from './http/national-view.controller';
import { PracticeSpreadController } from './http/practice-spread.controller';
import { PracticesController } from './http/practices.controller';

const commandHandlers = [PracticeCommandHandler, FieldTestCommandHandler, NationalPrioritiesCommandHandler];
const controllers = [PracticesController, PracticeSpreadController, FieldTestsController, NationalPrioritiesController, NationalViewController];

/**
 * The national level: the practice catalogue, field tests and national priorities, and the national
 * view. Needs EVENT_STORE, VIEW_STORE and CLOCK; the view's projection runs in ProjectionsModule.
 */
@Module({
  imports: [CommandHandlingModule],
  controllers,
  providers: commandHandlers,
})
export class NationalModule {}
