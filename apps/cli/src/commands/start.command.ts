import { cannotStartReason, embeddedConfigFrom, startEmbedded } from '@spiral/embedded-system';
import { Command } from 'commander';

/** `spiral start`: the embedded system in this process (what `npm start` runs). */
export function startCommand(): Command {
  return new Command('start')
    .description('run the whole system in this process on the embedded store (PORT, SPIRAL_DATA_DIR)')
    .action(async () => {
      try {
        await startEmbedded(embeddedConfigFrom(process.env));
      } catch (error) {
        // A busy port or a bad HOST says what to set instead, as a bad setting does.
        const reason = cannotStartReason(error);
        throw reason === undefined ? error : new Error(`cannot start: ${reason}`);
      }
    });
}
