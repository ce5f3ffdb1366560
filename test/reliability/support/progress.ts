/**
 * A line on stderr while a long suite runs (jest holds console output until a test ends): a full
 * run takes many minutes, and whoever waits for it should see it move.
 */
export function progress(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
