import { describeWithEngine, kafkaBrokers } from '@spiral/adapters-kafka/testing';
import { answerOf, bodyOf } from './support/answers';
import { DistributedHarness } from './support/distributed-harness';
import type { Identity } from './support/embedded-harness';
import { localRx1, needBody, stepBodies, teamBody } from './support/local-spirals';

const brokers = kafkaBrokers();
const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const mongoAddress = mongoUrl.replace(/^mongodb:\/\/([^@/]*@)?/, '').split(/[/?,]/)[0] ?? '127.0.0.1:27017';
const regionQ01: Identity = { role: 'regional', sha: 'Q01' };
// Group joins and rebalances take Kafka seconds; the views follow after relay, feed and projector.
const VIEW_TIMEOUT_MS = 60_000;

/**
 * Asks until the answer passes the assertions, or fails with the last assertion's error. Views
 * converge rather than move in step: Kafka orders events per stream only (spiral B's first event
 * can be applied before spiral A's second), and on MongoDB a reader may see a commit half written
 * (README, "MongoDB"), so a view is asked again until it holds everything expected.
 */
async function eventually<T>(what: string, ask: () => Promise<T>, holds: (answer: T) => void): Promise<T> {
  const deadline = Date.now() + VIEW_TIMEOUT_MS;
  for (;;) {
    const answer = await ask();
    try {
      holds(answer);
      return answer;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describeWithEngine('the distributed system across real engines', { name: 'Kafka', variable: 'KAFKA_BROKERS', address: brokers[0] ?? '' }, () => {
  describeWithEngine('with MongoDB', { name: 'MongoDB', variable: 'MONGO_URL', address: mongoAddress }, () => {
    let harness: DistributedHarness;
    beforeAll(async () => {
      harness = await DistributedHarness.start({ brokers, mongoUrl });
    }, 60_000);
    afterAll(() => harness?.stop(), 60_000);

    const post = async (path: string, identity: Identity, body: object) => {
      const response = await harness.http('local').post(`/api/v1${path}`).set(harness.bearer(identity)).send(body);
      if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      return answerOf(response).id;
    };

    it('carries commands from HTTP through the store, relay, Kafka and projector to the views read over HTTP', async () => {
      const teamId = await post('/teams', localRx1, teamBody());
      const quiet = await post('/teams', localRx1, { ...teamBody(), name: 'Endoscopy RX1' });
      const spiralId = await post('/spirals', localRx1, needBody(teamId));
      await post(`/spirals/${spiralId}/knowledge`, localRx1, stepBodies.knowledge);
      await post('/spirals', localRx1, needBody(teamId));

      await eventually(
        'the team view with both spirals at their steps',
        async () => bodyOf(await harness.http('local').get(`/api/v1/teams/${teamId}/view`).set(harness.bearer(localRx1))),
        (view) => {
          expect(view).toMatchObject({
            id: teamId,
            orgCode: 'RX1',
            shaCode: 'Q01',
            spiralsByStep: { recognition: 1, knowing: 1, decision: 0, change: 0, sustainability: 0, closed: 0 },
          });
          expect(view['spirals']).toHaveLength(2);
          expect(view['spirals']).toEqual(expect.arrayContaining([expect.objectContaining({ spiralId, step: 'knowing' })]));
        },
      );

      await eventually(
        'the regional funnel with both spirals at their steps and both teams',
        async () => bodyOf(await harness.http('regional').get('/api/v1/regions/Q01/view').set(harness.bearer(regionQ01))),
        (view) => {
          expect(view['funnel']).toEqual({ recognition: 1, knowing: 1, decision: 0, change: 0, sustainability: 0, closed: 0, total: 2 });
          expect(view['penetration']).toMatchObject({ teams: { withLiveSpiral: 1, registered: 2, share: 0.5 } });
        },
      );
      expect(quiet).toEqual(expect.any(String));
    }, 120_000);

    it('reports every engine and the lag of the views on each process’s /health', async () => {
      const local = await harness.http('local').get('/api/v1/health').expect(200);
      expect(Object.keys(bodyOf(local)['engines'] as object).sort()).toEqual(['eventFeed', 'eventStore', 'viewStore']);
      expect(bodyOf(local)['projections']).toEqual(expect.arrayContaining([expect.objectContaining({ running: false })]));
      const relay = bodyOf(await harness.http('relay').get('/api/v1/health').expect(200));
      expect(relay['projections']).toEqual([expect.objectContaining({ projection: 'relay', running: true })]);
      const projector = bodyOf(await harness.http('projector').get('/api/v1/health').expect(200));
      expect((projector['projections'] as unknown[]).length).toBeGreaterThan(0);
    });
  });
});
