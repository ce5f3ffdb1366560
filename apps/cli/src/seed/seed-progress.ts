import { Presets, SingleBar } from 'cli-progress';

/** How a long seed shows it is alive: a bar on a terminal, a plain line now and then in a log. */
export interface SeedProgress {
  start(totalCommands: number): void;
  update(commandsDone: number, eventsStored: number): void;
  /** After the writing: the views catching up on the history, events applied of the head (a phase of its own, named). */
  viewsCatchingUp(eventsRead: number, head: number): void;
  stop(): void;
}

export const silentProgress: SeedProgress = { start: () => undefined, update: () => undefined, viewsCatchingUp: () => undefined, stop: () => undefined };

const number = new Intl.NumberFormat('en-GB');

function perSecond(count: number, since: number): string {
  const seconds = (Date.now() - since) / 1000;
  return number.format(seconds > 0 ? Math.round(count / seconds) : 0);
}

/**
 * A cli-progress bar: commands done of all, events written, commands per second, time left; then a
 * second bar, named, for the views catching up (the first would otherwise sit at 100 % meanwhile).
 */
class BarProgress implements SeedProgress {
  private readonly bar: SingleBar;
  private views: SingleBar | undefined;
  private startedAt = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bar = new SingleBar(
      {
        stream,
        format: 'seeding {bar} {percentage}% | {value}/{total} commands | {events} events | {rate} commands/s | {eta_formatted} left',
        hideCursor: true,
        etaBuffer: 200,
      },
      Presets.shades_classic,
    );
  }

  viewsCatchingUp(eventsRead: number, head: number): void {
    if (this.views === undefined) {
      this.bar.stop();
      this.views = new SingleBar({ stream: this.stream, format: 'views catching up {bar} {percentage}% | {value}/{total} events | {duration_formatted} elapsed', hideCursor: true }, Presets.shades_classic);
      this.views.start(head, 0);
    }
    this.views.update(eventsRead);
  }

  start(totalCommands: number): void {
    this.startedAt = Date.now();
    this.bar.start(totalCommands, 0, { events: '0', rate: '0' });
  }

  update(commandsDone: number, eventsStored: number): void {
    this.bar.update(commandsDone, { events: number.format(eventsStored), rate: perSecond(commandsDone, this.startedAt) });
  }

  stop(): void {
    this.bar.stop();
    this.views?.stop();
  }
}

/** Without a terminal (CI, a redirected log): one line every few seconds, no control characters. */
class LineProgress implements SeedProgress {
  private total = 0;
  private startedAt = Date.now();
  private lastLineAt = Date.now();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly everyMs: number,
  ) {}

  start(totalCommands: number): void {
    this.total = totalCommands;
    this.startedAt = Date.now();
    this.lastLineAt = this.startedAt;
    this.stream.write(`seeding: ${number.format(totalCommands)} commands to send\n`);
  }

  update(commandsDone: number, eventsStored: number): void {
    if (Date.now() - this.lastLineAt < this.everyMs) return;
    this.lastLineAt = Date.now();
    const percent = this.total === 0 ? 100 : Math.floor((100 * commandsDone) / this.total);
    this.stream.write(
      `seeding: ${number.format(commandsDone)}/${number.format(this.total)} commands (${percent}%), ${number.format(eventsStored)} events, ${perSecond(commandsDone, this.startedAt)} commands/s\n`,
    );
  }

  viewsCatchingUp(eventsRead: number, head: number): void {
    if (Date.now() - this.lastLineAt < this.everyMs && eventsRead < head) return;
    this.lastLineAt = Date.now();
    this.stream.write(`views catching up: ${number.format(eventsRead)}/${number.format(head)} events\n`);
  }

  stop(): void {
    // The summary that follows says how it ended.
  }
}

export function progressFor(stream: NodeJS.WriteStream, everyMs = 5000): SeedProgress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, everyMs);
}
