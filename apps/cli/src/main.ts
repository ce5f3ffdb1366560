import 'reflect-metadata';
import { Command } from 'commander';
import { deadLettersCommand } from './commands/dead-letters.command';
import { evaluateCommand } from './commands/evaluate.command';
import { rebuildViewsCommand } from './commands/rebuild-views.command';
import { replayCommand } from './commands/replay.command';
import { seedCommand } from './commands/seed.command';
import { startCommand } from './commands/start.command';
import { tokenCommand } from './commands/token.command';
import { traceCommand } from './commands/trace.command';
import { verifyCommand } from './commands/verify.command';

const program = new Command('spiral')
  .description('Spiral: event-sourced continuous improvement for a health service')
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(seedCommand())
  .addCommand(rebuildViewsCommand())
  .addCommand(replayCommand())
  .addCommand(evaluateCommand())
  .addCommand(tokenCommand())
  .addCommand(traceCommand())
  .addCommand(verifyCommand())
  .addCommand(deadLettersCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`spiral: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
