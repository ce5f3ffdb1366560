import { Presets, SingleBar } from 'cli-progress';

/** Events done of a total, shown as a bar on a terminal and as a line every few seconds in a log. */
export interface EventProgress {
  update(done: number, total: number): void;
  stop(): void;
}

const number = new Intl.NumberFormat('en-GB');

/** Like seed's progress: a cli-progress bar on a TTY, plain lines without control characters otherwise. */
export function eventProgressFor(stream: NodeJS.WriteStream, label: string, everyMs = 5000): EventProgress {
  const startedAt = Date.now();
  const rate = (done: number) => number.format(Math.round(done / Math.max((Date.now() - startedAt) / 1000, 0.001)));
  if (stream.isTTY) {
    const bar = new SingleBar(
      { stream, format: `${label} {bar} {percentage}% | {value}/{total} events | {rate} events/s | {eta_formatted} left`, hideCursor: true, etaBuffer: 50 },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0, { rate: '0' });
        started = true;
        bar.update(done, { rate: rate(done) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLineAt = 0;
  return {
    update(done, total) {
      if (Date.now() - lastLineAt < everyMs && done < total) return;
      lastLineAt = Date.now();
      stream.write(`${label}: ${number.format(done)}/${number.format(total)} events, ${rate(done)} events/s\n`);
    },
    stop: () => undefined,
  };
}
