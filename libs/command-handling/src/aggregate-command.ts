import { Command } from '@nestjs/cqrs';
import type { CommandEnvelope, CommandResult } from './command-envelope';

/**
 * The message a controller sends on the CommandBus for one aggregate: which instance, and the
 * domain command in its envelope. One subclass per aggregate keeps `@CommandHandler` routing typed.
 */
export abstract class AggregateCommand<TCommand> extends Command<CommandResult> {
  constructor(
    readonly aggregateId: string,
    readonly envelope: CommandEnvelope<TCommand>,
  ) {
    super();
  }
}
