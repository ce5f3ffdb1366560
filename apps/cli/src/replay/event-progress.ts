import { Presets, SingleBar } from 'cli-progress';

/** Events done of a total, shown as a bar on a terminal and as a line every few seconds in a log. */
export interface EventProgress {
  /**
   * A new pass over the history, named (an evaluation replays the history once per moment): the
   * bar starts again from zero saying which pass it is, rather than silently restarting.
   */
  pass(name: string): void;
  update(done: number, total: number): void;
  stop(): void;
}

const number = new Intl.NumberFormat('en-GB');

/** Like seed's progress: a cli-progress bar on a TTY, plain lines without control characters otherwise. */
export function eventProgressFor(stream: NodeJS.WriteStream, label: string, everyMs = 5000): EventProgress {
  let startedAt = Date.now();
  let title = label;
  const rate = (done: number) => number.format(Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001)));
  if (stream.isTTY) {
    // The elapsed time keeps moving (cli-progress redraws on its own timer) even while a page is applied.
    const bar = new SingleBar(
      { stream, format: `{title} {bar} {percentage}% | {value}/{total} events | {rate} events/s | {duration_formatted} elapsed, {eta_formatted} left`, hideCursor: true, etaBuffer: 50 },
      Presets.shades_classic,
    );
    let started = false;
    return {
      pass(name) {
        if (started) bar.stop();
        started = false;
        title = `${label} ${name}`;
        startedAt = Date.now();
      },
      update(done, total) {
        if (!started) bar.start(total, 0, { rate: '0', title });
        started = true;
        bar.setTotal(total);
        bar.update(done, { rate: rate(done), title });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLineAt = 0;
  return {
    pass(name) {
      title = `${label} ${name}`;
      startedAt = Date.now();
      lastLineAt = 0;
      stream.write(`${title}: started\n`);
    },
    update(done, total) {
      if (Date.now() - lastLineAt < everyMs && done < total) return;
      lastLineAt = Date.now();
      stream.write(`${title}: ${number.format(done)}/${number.format(total)} events, ${rate(done)} events/s\n`);
    },
    stop: () => undefined,
  };
}
