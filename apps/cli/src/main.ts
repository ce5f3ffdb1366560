import 'reflect-metadata';
import { Command } from 'commander';
import { rebuildViewsCommand } from './commands/rebuild-views.command';
import { seedCommand } from './commands/seed.command';
import { startCommand } from './commands/start.command';
import { tokenCommand } from './commands/token.command';

const program = new Command('spiral')
  .description('Spiral: event-sourced continuous improvement for a health service')
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(seedCommand())
  .addCommand(rebuildViewsCommand())
  .addCommand(tokenCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`spiral: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
