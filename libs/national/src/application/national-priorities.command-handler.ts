import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter, type CommandEnvelope } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import type { NationalPrioritiesCommand } from '../domain/national-priorities/national-priorities.commands';
import { nationalPrioritiesDecider } from '../domain/national-priorities/national-priorities.decider';

/** A command for the one national priorities stream. */
export class ExecuteNationalPrioritiesCommand extends AggregateCommand<NationalPrioritiesCommand> {
  // One stream holds every national priority, so there is no instance for a caller to name.
  constructor(envelope: CommandEnvelope<NationalPrioritiesCommand>) {
    super(streamIds.nationalPriorities(), envelope);
  }
}

@CommandHandler(ExecuteNationalPrioritiesCommand)
export class NationalPrioritiesCommandHandler implements ICommandHandler<ExecuteNationalPrioritiesCommand> {
  constructor(private readonly writer: CommandWriter) {}

  execute({ envelope }: ExecuteNationalPrioritiesCommand) {
    return this.writer.execute(nationalPrioritiesDecider, streamIds.nationalPriorities(), envelope);
  }
}
