import { needBody, teamBody } from '../e2e/support/local-spirals';
import { ApiClient } from './support/api-client';
import { EmbeddedProcess } from './support/embedded-process';
import { reportFigures } from './support/figures';
import { sized } from './support/profile';
import { localOf } from './support/world';

const SPIRALS = 16;
const POINTS_PER_COMMAND = 5;
const CRASHES = sized(2, 5);
const local = localOf('RX1', 'Q01');

const day = (index: number) => new Date(Date.UTC(2000, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);

interface Acknowledged {
  readonly spiralId: string;
  readonly correlationId: string;
  readonly eventIds: readonly string[];
}

/**
 * Suite 6 (issue #6): kill -9 the embedded process (`npm start`, a child process) in the middle of a
 * burst of commands, each recording five measurement points (five events appended in one batch);
 * after the restart every acknowledged event is in the store, and no command is stored in part.
 */
describe(`6. API crash: kill -9 during a burst of commands, ${CRASHES} times`, () => {
  let app: EmbeddedProcess;
  let api: ApiClient;

  beforeAll(async () => {
    app = await EmbeddedProcess.start();
    api = new ApiClient(app, SPIRALS);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await app?.stop();
  });

  it('finds every acknowledged event after each restart, and every command whole or not at all', async () => {
    const teamId = await api.created('/teams', local, teamBody());
    const spirals = await Promise.all(Array.from({ length: SPIRALS }, () => api.created('/spirals', local, needBody(teamId))));
    const acknowledged: Acknowledged[] = [];
    let sent = 0;
    let nextCommand = 0;
    const rows: (string | number)[][] = [];

    for (let crash = 1; crash <= CRASHES; crash += 1) {
      let crashed = false;
      const writer = async (spiralId: string) => {
        while (!crashed) {
          const command = nextCommand++;
          const correlationId = `crash-${crash}-command-${command}`;
          const points = Array.from({ length: POINTS_PER_COMMAND }, (_, point) => ({ period: day(command * POINTS_PER_COMMAND + point), value: 50 + (point % 3) }));
          sent += 1;
          try {
            const answer = await api.post(`/spirals/${spiralId}/measurements`, local, { points }, { 'X-Correlation-Id': correlationId });
            if (answer.status === 201) acknowledged.push({ spiralId, correlationId, eventIds: (answer.body as { eventIds: string[] }).eventIds });
          } catch {
            // the connection died with the process: not acknowledged, so either outcome is allowed
          }
        }
      };
      const burst = Promise.all(spirals.map(writer));
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));
      crashed = true; // no new command after this one; those in flight meet the kill
      await app.kill9();
      await burst;
      const restartedAt = performance.now();
      await app.restart();
      const restartSeconds = (performance.now() - restartedAt) / 1000;

      const stored = new Map<string, { correlationId: string; type: string }>();
      for (const spiralId of spirals) for (const event of await api.spiralEvents(spiralId)) stored.set(event.eventId, event);
      const ackedIds = acknowledged.flatMap((command) => command.eventIds);
      const missing = ackedIds.filter((eventId) => !stored.has(eventId)).length;
      const perCommand = new Map<string, number>();
      for (const event of stored.values()) if (event.type === 'MeasurementRecorded') perCommand.set(event.correlationId, (perCommand.get(event.correlationId) ?? 0) + 1);
      const partial = [...perCommand.values()].filter((count) => count !== POINTS_PER_COMMAND).length;
      const storedUnanswered = [...perCommand.keys()].filter((id) => !acknowledged.some((command) => command.correlationId === id)).length;
      rows.push([crash, sent, acknowledged.length, ackedIds.length, ackedIds.length - missing, missing, partial, storedUnanswered, restartSeconds.toFixed(1)]);
      expect({ missing, partial }).toEqual({ missing: 0, partial: 0 });
    }

    reportFigures({
      suite: 6,
      title: 'API crash',
      proves:
        `${SPIRALS} writers each record ${POINTS_PER_COMMAND} measurement points per command (${POINTS_PER_COMMAND} events appended in one batch) ` +
        'against the embedded process; it is killed with SIGKILL 1-3 s into the burst and started again on the same data folder. ' +
        'Every event of every acknowledged (201) command is in the store after the restart, and every command is stored whole ' +
        'or not at all (counted per command by its correlation id). Figures are cumulative over the crashes.',
      command: 'npm run test:reliability -- api-crash',
      headline: `${rows.reduce((sum, row) => sum + Number(row[5]), 0)} missing of ${acknowledged.flatMap((command) => command.eventIds).length} acknowledged events, 0 partial commands, ${CRASHES} × kill -9`,
      columns: ['crash', 'commands sent', 'acknowledged', 'acknowledged events', 'found', 'missing', 'partial commands', 'stored, unanswered', 'restart s'],
      rows,
    });
  }, 600_000);
});
