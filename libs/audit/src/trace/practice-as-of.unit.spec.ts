import type { EventEnvelope } from '@spiral/event-catalogue';
import { fieldTestRecordsFrom } from './field-test-record';
import { practiceAsOf } from './practice-as-of';

let position = 0;
function fact(type: string, occurredAt: string, data: object): EventEnvelope {
  position += 1;
  const actor = { id: 'n1', role: 'national', org: null, region: null } as const;
  return { eventId: `e${position}`, type, schemaVersion: 1, data, occurredAt, actor, correlationId: 'c', causationId: 'c', streamId: 's', streamRevision: position, globalPosition: position, recordedAt: '2006-01-01T00:00:00.000Z', previousHash: null, hash: 'h' };
}

const practiceId = 'p1';
const practice = [
  fact('PracticeProposed', '2003-01-01T00:00:00.000Z', { practiceId }),
  fact('PracticePublished', '2003-02-01T00:00:00.000Z', { practiceId, version: 1, evidenceLevel: 'observational' }),
  fact('PracticeRevised', '2004-10-01T00:00:00.000Z', { practiceId, version: 2, evidenceLevel: 'fieldTested' }),
  fact('PracticeRetired', '2005-01-01T00:00:00.000Z', { practiceId }),
];
const tests = fieldTestRecordsFrom([
  fact('FieldTestStarted', '2003-03-01T00:00:00.000Z', { fieldTestId: 'ft1', practiceId }),
  fact('FieldTestConcluded', '2003-09-01T00:00:00.000Z', { fieldTestId: 'ft1', practiceId, verdict: 'effective', effectSize: -0.8, effectScale: 'protocol' }),
  fact('FieldTestStarted', '2004-01-15T00:00:00.000Z', { fieldTestId: 'ft2', practiceId }),
  fact('FieldTestConcluded', '2004-09-01T00:00:00.000Z', { fieldTestId: 'ft2', practiceId, verdict: 'ineffective', effectSize: 0.05, effectScale: 'relativeChange' }),
]);

describe('practiceAsOf', () => {
  it('folds only what had occurred by the moment: version, evidence, verdicts concluded, tests running', () => {
    expect(practiceAsOf(practiceId, practice, tests, '2004-03-01T00:00:00.000Z')).toEqual({
      practiceId,
      asOf: '2004-03-01T00:00:00.000Z',
      known: true,
      status: 'published',
      publishedVersion: 1,
      evidenceLevel: 'observational',
      retired: false,
      fieldTests: [
        { fieldTestId: 'ft1', startedAt: '2003-03-01T00:00:00.000Z', status: 'concluded', verdict: 'effective', effectSize: -0.8, effectScale: 'protocol', concludedAt: '2003-09-01T00:00:00.000Z', recordedAt: '2006-01-01T00:00:00.000Z' },
        { fieldTestId: 'ft2', startedAt: '2004-01-15T00:00:00.000Z', status: 'running' },
      ],
    });
  });

  it('knows the later revision, the later verdict and the retirement only from their moments on', () => {
    const later = practiceAsOf(practiceId, practice, tests, '2005-06-01T00:00:00.000Z');
    expect(later).toMatchObject({ status: 'retired', retired: true, publishedVersion: 2, evidenceLevel: 'fieldTested' });
    expect(later.fieldTests.map((test) => test.status)).toEqual(['concluded', 'concluded']);
  });

  it('says a practice was not yet known before it was proposed', () => {
    expect(practiceAsOf(practiceId, practice, tests, '2002-12-31T00:00:00.000Z')).toEqual({ practiceId, asOf: '2002-12-31T00:00:00.000Z', known: false, retired: false, fieldTests: [] });
  });
});
