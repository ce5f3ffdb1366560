import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type { PracticeCommand } from '../domain/practice/practice.commands';
import { practiceDecider } from '../domain/practice/practice.decider';

/** A command for one catalogue practice's stream. */
export class ExecutePracticeCommand extends AggregateCommand<PracticeCommand> {}

@CommandHandler(ExecutePracticeCommand)
export class PracticeCommandHandler implements ICommandHandler<ExecutePracticeCommand> {
  constructor(private readonly writer: CommandWriter) {}

  execute({ aggregateId, envelope }: ExecutePracticeCommand) {
    return this.writer.execute(practiceDecider, streamIds.practice(aggregateId), envelope);
  }
}
