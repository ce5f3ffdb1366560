import { badInputsFor, expectRefused, type CommandRoute, type Ids } from './support/bad-input';
import { EmbeddedHarness } from './support/embedded-harness';
import { localRx1, needBody, recogniseNeed, stepBodies } from './support/local-spirals';

const spiralRoutes: Record<string, CommandRoute> = {
  'POST /spirals': { path: '/spirals', body: needBody('{teamId}'), required: 'title', text: 'measure.unit', number: 'baseline' },
  knowledge: { path: '/spirals/{spiralId}/knowledge', body: stepBodies.knowledge, required: 'question', text: 'question' },
  options: { path: '/spirals/{spiralId}/options', body: stepBodies.options(), required: 'options', text: 'options.0.summary' },
  adoption: { path: '/spirals/{spiralId}/adoption', body: stepBodies.adoption, required: 'patientPerspective', text: 'rationale' },
  support: { path: '/spirals/{spiralId}/support', body: stepBodies.support, required: 'sponsor', text: 'improvementTeam.0.role' },
  cycles: { path: '/spirals/{spiralId}/cycles', body: stepBodies.cycle, required: 'decision', text: 'learning' },
  measurements: {
    path: '/spirals/{spiralId}/measurements',
    body: stepBodies.measurements,
    required: 'points',
    text: 'points.1.period',
    number: 'points.0.value',
    date: 'points.2.period',
  },
  rebase: { path: '/spirals/{spiralId}/rebase', body: stepBodies.rebase, required: 'reason', text: 'reason', date: 'fromPeriod' },
  sustainability: { path: '/spirals/{spiralId}/sustainability', body: stepBodies.sustainability, required: 'factors', text: 'assessedBy' },
  close: { path: '/spirals/{spiralId}/close', body: stepBodies.close, required: 'learning', text: 'learning' },
};

describe('bad input on every spiral command answers 400 naming the field, and stores nothing', () => {
  let harness: EmbeddedHarness;
  let ids: Ids;

  beforeAll(async () => {
    harness = await EmbeddedHarness.start();
    ids = await recogniseNeed(harness);
  });
  afterAll(() => harness.stop());

  describe.each(Object.entries(spiralRoutes))('%s', (_, route) => {
    it.each(badInputsFor(route).map((input) => [input.label, input] as const))('400 for %s', (_label, input) =>
      expectRefused(harness, localRx1, route, input, ids),
    );
  });

  it.each(Object.values(spiralRoutes).filter((route) => route.path.includes('{spiralId}')))('400 naming id for a malformed spiral id in $path', (route) =>
    expectRefused(harness, localRx1, { ...route, path: route.path.replace('{spiralId}', 'not%20an%20id') }, { label: 'a bad id', json: JSON.stringify(route.body), field: 'id' }, ids),
  );

  it('400 naming id when reading a malformed spiral id', async () => {
    const response = await harness.http.get('/api/v1/spirals/%24bad').set(harness.bearer(localRx1)).expect(400);
    expect(response.body).toMatchObject({ problems: [expect.objectContaining({ field: 'id' })] });
  });

  it('400 for a measurement period not yet come, or given twice', async () => {
    const route = spiralRoutes['measurements']!;
    const future = { points: [{ period: '2999-01-01', value: 1 }] };
    await expectRefused(harness, localRx1, route, { label: 'future', json: JSON.stringify(future), field: 'points.0.period' }, ids);
    const twice = { points: [{ period: '2004-01-01', value: 1 }, { period: '2004-01-01', value: 2 }] };
    await expectRefused(harness, localRx1, route, { label: 'twice', json: JSON.stringify(twice), field: 'points.1.period' }, ids);
  });
});
