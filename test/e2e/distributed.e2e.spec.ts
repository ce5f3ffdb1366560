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

/** Asks until the answer satisfies the check, or fails with the last answer. */
async function eventually<T>(what: string, ask: () => Promise<T>, check: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + VIEW_TIMEOUT_MS;
  let answer = await ask();
  while (!check(answer)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last answer: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await ask();
  }
  return answer;
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

      const teamView = await eventually(
        'the team view with both spirals at their steps',
        async () => bodyOf(await harness.http('local').get(`/api/v1/teams/${teamId}/view`).set(harness.bearer(localRx1))),
        // As with the funnel below: Kafka orders events per stream only, so spiral B can be in the
        // view before spiral A's second event is.
        (view) =>
          Array.isArray(view['spirals']) &&
          view['spirals'].length === 2 &&
          (view['spiralsByStep'] as { knowing?: number } | undefined)?.knowing === 1,
      );
      expect(teamView).toMatchObject({
        id: teamId,
        orgCode: 'RX1',
        shaCode: 'Q01',
        spiralsByStep: { recognition: 1, knowing: 1, decision: 0, change: 0, sustainability: 0, closed: 0 },
      });
      expect(teamView['spirals']).toEqual(expect.arrayContaining([expect.objectContaining({ spiralId, step: 'knowing' })]));

      const regionView = await eventually(
        'the regional funnel with both spirals at their steps and both teams',
        async () => bodyOf(await harness.http('regional').get('/api/v1/regions/Q01/view').set(harness.bearer(regionQ01))),
        // Kafka orders events per stream only: spiral B's first event can be applied before spiral
        // A's second, so the funnel is awaited until it holds both, as views converge.
        (view) =>
          (view['funnel'] as { total?: number; knowing?: number } | undefined)?.total === 2 &&
          (view['funnel'] as { knowing?: number } | undefined)?.knowing === 1 &&
          (view['penetration'] as { teams?: { registered?: number } } | undefined)?.teams?.registered === 2,
      );
      expect(regionView['funnel']).toEqual({ recognition: 1, knowing: 1, decision: 0, change: 0, sustainability: 0, closed: 0, total: 2 });
      expect(regionView['penetration']).toMatchObject({ teams: { withLiveSpiral: 1, registered: 2, share: 0.5 } });
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
