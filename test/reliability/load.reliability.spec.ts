import { needBody, teamBody } from '../e2e/support/local-spirals';
import { ApiClient } from './support/api-client';
import { EmbeddedProcess } from './support/embedded-process';
import { reportFigures } from './support/figures';
import { percentile, runOpenLoop } from './support/open-loop';
import { setting, sized } from './support/profile';
import { localOf } from './support/world';

// Steps of rate, so the table shows how latency grows with it; the server keeps up with all three
// on this 2-core machine (each command commits with synchronous=FULL; the bench finds where it
// stops). RELIABILITY_LOAD_RATE runs one rate of your choice instead (e.g. 200).
const RATES = process.env['RELIABILITY_LOAD_RATE'] ? [setting('RELIABILITY_LOAD_RATE', 50)] : sized([50], [25, 50, 100]);
const SECONDS = setting('RELIABILITY_LOAD_SECONDS', sized(10, 60));
const TEAMS = 20;
const local = localOf('RX1', 'Q01');
const ms = (value: number) => value.toFixed(1);

/**
 * Suite 10 (issue #6): steady command rates against the embedded system (`npm start` in a child
 * process) over undici keep-alive connections: every command answered 201 and stored once.
 */
describe(`10. load: ${RATES.join(', ')} commands/s for ${SECONDS} s each, no errors`, () => {
  let app: EmbeddedProcess;
  let api: ApiClient;

  beforeAll(async () => {
    app = await EmbeddedProcess.start();
    api = new ApiClient(app, 32);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await app?.stop();
  });

  it('answers every command with 201 and stores each once, at every rate', async () => {
    const teams = await Promise.all(Array.from({ length: TEAMS }, () => api.created('/teams', local, teamBody())));
    const rows: (string | number)[][] = [];
    let errors = 0;
    for (const rate of RATES) {
      const before = await api.storedEvents();
      const run = await runOpenLoop(rate, SECONDS, async (index) => {
        const answer = await api.post('/spirals', local, { ...needBody(teams[index % TEAMS]!), title: `Load ${rate}/s ${index}` });
        return answer.status === 201 ? undefined : `${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`;
      });
      const stored = (await api.storedEvents()) - before;
      const sorted = run.latencies;
      rows.push([rate, SECONDS, run.commands, run.sentPerSecond.toFixed(0), run.answeredPerSecond.toFixed(0), ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1] ?? NaN), run.errors.length, stored]);
      errors += run.errors.length;
      expect(run.errors.slice(0, 5)).toEqual([]);
      expect(stored).toBe(run.commands);
    }
    reportFigures({
      suite: 10,
      title: 'Load',
      proves:
        'Steady rates of commands (POST /spirals, each a new stream) against the embedded process over undici keep-alive ' +
        'connections, open loop (commands leave on schedule whether or not earlier ones were answered, so a server that ' +
        'cannot keep up shows as latency, not as a lower rate): every command answered 201 and stored once. ' +
        'RELIABILITY_LOAD_RATE (commands/s) and RELIABILITY_LOAD_SECONDS change the rate and the duration.',
      command: 'npm run test:reliability -- load',
      headline: rows.map((row) => `${row[0]}/s: p50 ${row[5]} ms, p99 ${row[6]} ms`).join('; ') + `; ${errors} errors`,
      columns: ['rate (commands/s)', 'seconds', 'commands', 'sent/s', 'answered/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'events stored'],
      rows,
    });
    // Room for a server slower than the rate: it answers late (at 20 commands/s at worst) rather than failing.
  }, ((RATES.reduce((sum, rate) => sum + rate, 0) * SECONDS) / 20 + 240) * 1000);
});
