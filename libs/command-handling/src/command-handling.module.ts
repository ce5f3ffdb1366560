import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandWriter } from './command-writer';
import { PublishedFactsReader } from './published-facts.reader';

/**
 * What every context's command handlers use: the write path and the reader of other streams'
 * published facts. Needs the EVENT_STORE and CLOCK providers from the app's engines module.
 */
@Module({
  imports: [CqrsModule],
  providers: [CommandWriter, PublishedFactsReader],
  exports: [CqrsModule, CommandWriter, PublishedFactsReader],
})
export class CommandHandlingModule {}
