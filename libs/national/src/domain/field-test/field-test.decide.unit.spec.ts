import { AccessDenied, AlreadyExists, NotFound, RuleViolated } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import { FieldTestSiteReported } from '@spiral/event-catalogue';
import {
  concludeTest,
  nationalUser,
  notNational,
  reportSite,
  siteReported,
  startTest,
  testConcluded,
  testStarted,
} from '../testing/national-examples';
import { fieldTestDecider } from './field-test.decider';

const spec = deciderSpec(fieldTestDecider);
const asNational = { actor: nationalUser };

describe('field test decider: StartFieldTest', () => {
  it('starts a field test of a proposed practice at named sites', () => {
    spec.given([]).when(startTest, asNational).then([testStarted]);
  });

  it('starts a field test of a published practice', () => {
    spec
      .given([])
      .when({ ...startTest, practice: { practiceId: 'practice-1', status: 'published' } }, asNational)
      .then([testStarted]);
  });

  it('refuses a field test started twice', () => {
    spec.given([testStarted]).when(startTest, asNational).thenThrows(AlreadyExists);
  });

  it('refuses a practice that does not exist', () => {
    spec.given([]).when({ ...startTest, practice: undefined }, asNational).thenThrows(NotFound);
  });

  it('refuses a retired practice', () => {
    spec
      .given([])
      .when({ ...startTest, practice: { practiceId: 'practice-1', status: 'retired' } }, asNational)
      .thenThrows(RuleViolated, 'practice_retired');
  });
});

describe('field test decider: ReportFieldTestSite', () => {
  it('records a listed site’s result', () => {
    spec.given([testStarted]).when(reportSite, asNational).then([siteReported]);
  });

  it('records a result without notes', () => {
    const { notes: _notes, ...bare } = reportSite;
    const { notes: _dataNotes, ...bareData } = siteReported.data;
    spec.given([testStarted]).when(bare, asNational).then([FieldTestSiteReported.create(bareData)]);
  });

  it('refuses a field test never started', () => {
    spec.given([]).when(reportSite, asNational).thenThrows(NotFound);
  });

  it('refuses a concluded field test', () => {
    spec
      .given([testStarted, siteReported, testConcluded])
      .when({ ...reportSite, site: 'RX2' }, asNational)
      .thenThrows(RuleViolated, 'field_test_not_running');
  });

  it('refuses a site the test did not list', () => {
    spec.given([testStarted]).when({ ...reportSite, site: 'RZ7' }, asNational).thenThrows(RuleViolated, 'site_not_listed');
  });

  it('takes one report per site', () => {
    spec.given([testStarted, siteReported]).when(reportSite, asNational).thenThrows(RuleViolated, 'site_already_reported');
  });
});

describe('field test decider: ConcludeFieldTest', () => {
  it('concludes with a verdict, citing the practice', () => {
    spec.given([testStarted, siteReported]).when(concludeTest, asNational).then([testConcluded]);
  });

  it('refuses a verdict before any site has reported', () => {
    spec.given([testStarted]).when(concludeTest, asNational).thenThrows(RuleViolated, 'no_site_results');
  });

  it('refuses a field test never started', () => {
    spec.given([]).when(concludeTest, asNational).thenThrows(NotFound);
  });

  it('concludes only once', () => {
    spec
      .given([testStarted, siteReported, testConcluded])
      .when(concludeTest, asNational)
      .thenThrows(RuleViolated, 'field_test_not_running');
  });
});

describe('field test decider: access', () => {
  it.each(notNational.map((actor) => [actor.role, actor] as const))('refuses every field-test fact to a %s user', (_role, actor) => {
    spec.given([]).when(startTest, { actor }).thenThrows(AccessDenied);
    spec.given([testStarted]).when(reportSite, { actor }).thenThrows(AccessDenied);
    spec.given([testStarted, siteReported]).when(concludeTest, { actor }).thenThrows(AccessDenied);
  });
});

describe('field test state', () => {
  it('exposes the practice, sites, reported sites and verdict', () => {
    const history = [testStarted, siteReported, testConcluded];
    const state = history.reduce(
      (current, event, streamRevision) => fieldTestDecider.evolve(current, event, { occurredAt: '2005-01-01T00:00:00.000Z', streamRevision }),
      fieldTestDecider.initialState,
    );
    expect(state).toEqual({
      status: 'concluded',
      fieldTestId: 'ft-1',
      practiceId: 'practice-1',
      sites: ['RX1', 'RX2'],
      reportedSites: ['RX1'],
      verdict: 'effective',
      effectSize: -0.8,
    });
  });
});
