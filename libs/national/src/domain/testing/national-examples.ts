import { actorOf } from '@spiral/decider/testing';
import {
  FieldTestConcluded,
  FieldTestSiteReported,
  FieldTestStarted,
  NationalPrioritySet,
  PracticeProposed,
  PracticePublished,
  PracticeRetired,
  PracticeRevised,
} from '@spiral/event-catalogue';
import type { ConcludeFieldTest, ReportFieldTestSite, StartFieldTest } from '../field-test/field-test.commands';
import type { SetNationalPriority } from '../national-priorities/national-priorities.commands';
import type { ProposePractice, PublishPractice, RetirePractice, RevisePractice } from '../practice/practice.commands';

/** Commands and the facts they should produce, shared by the decider specs and the schema spec. */
export const nationalUser = actorOf('national', null, null);
export const notNational = (['local', 'regional', 'analyst', 'auditor'] as const).map((role) => actorOf(role));

export const propose: ProposePractice = {
  type: 'ProposePractice',
  practiceId: 'practice-1',
  title: 'Nurse-led thrombolysis',
  summary: 'Specialist nurses assess and thrombolyse without waiting for a physician.',
  origin: 'otherHealthSystem',
  originDetail: 'Helsinki University Hospital',
  targetMeasures: ['Door-to-needle time'],
};
export const proposed = PracticeProposed.create({
  practiceId: 'practice-1',
  title: 'Nurse-led thrombolysis',
  summary: 'Specialist nurses assess and thrombolyse without waiting for a physician.',
  origin: 'otherHealthSystem',
  originDetail: 'Helsinki University Hospital',
  targetMeasures: ['Door-to-needle time'],
});

export const publish: PublishPractice = {
  type: 'PublishPractice',
  practiceId: 'practice-1',
  evidenceLevel: 'observational',
  summary: 'Halved door-to-needle time at the originating site.',
};
export const publishedV1 = PracticePublished.create({
  practiceId: 'practice-1',
  version: 1,
  evidenceLevel: 'observational',
  summary: 'Halved door-to-needle time at the originating site.',
});

export const revise: RevisePractice = {
  type: 'RevisePractice',
  practiceId: 'practice-1',
  evidenceLevel: 'fieldTested',
  changes: 'Adds the field-test protocol for triage.',
};
export const revisedV2 = PracticeRevised.create({
  practiceId: 'practice-1',
  version: 2,
  evidenceLevel: 'fieldTested',
  changes: 'Adds the field-test protocol for triage.',
});

export const retire: RetirePractice = { type: 'RetirePractice', practiceId: 'practice-1', reason: 'Superseded.' };
export const retired = PracticeRetired.create({ practiceId: 'practice-1', reason: 'Superseded.' });

export const startTest: StartFieldTest = {
  type: 'StartFieldTest',
  fieldTestId: 'ft-1',
  practiceId: 'practice-1',
  practice: { practiceId: 'practice-1', status: 'proposed' },
  sites: ['RX1', 'RX2'],
  protocol: 'Six months of door-to-needle times against the previous six.',
};
export const testStarted = FieldTestStarted.create({
  fieldTestId: 'ft-1',
  practiceId: 'practice-1',
  sites: ['RX1', 'RX2'],
  protocol: 'Six months of door-to-needle times against the previous six.',
});

export const reportSite: ReportFieldTestSite = {
  type: 'ReportFieldTestSite',
  fieldTestId: 'ft-1',
  site: 'RX1',
  measure: 'Door-to-needle time',
  baselineValue: 72,
  resultValue: 41,
  notes: 'Two nurses trained in month one.',
};
export const siteReported = FieldTestSiteReported.create({
  fieldTestId: 'ft-1',
  site: 'RX1',
  measure: 'Door-to-needle time',
  baselineValue: 72,
  resultValue: 41,
  notes: 'Two nurses trained in month one.',
});

export const concludeTest: ConcludeFieldTest = {
  type: 'ConcludeFieldTest',
  fieldTestId: 'ft-1',
  verdict: 'effective',
  effectSize: -0.8,
  summary: 'A large fall in door-to-needle time at both sites.',
};
export const testConcluded = FieldTestConcluded.create({
  fieldTestId: 'ft-1',
  practiceId: 'practice-1',
  verdict: 'effective',
  effectSize: -0.8,
  effectScale: 'protocol',
  summary: 'A large fall in door-to-needle time at both sites.',
});

export const setNationalPriority: SetNationalPriority = {
  type: 'SetNationalPriority',
  priorityId: 'stroke-2005',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'The National Stroke Strategy asks for thrombolysis within the hour.',
  until: '2007-03-31',
};
export const nationalPrioritySet = NationalPrioritySet.create({
  priorityId: 'stroke-2005',
  measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  rationale: 'The National Stroke Strategy asks for thrombolysis within the hour.',
  until: '2007-03-31',
});
