import { AccessDenied, AlreadyExists, InvalidInput } from '@spiral/decider';
import { deciderSpec } from '@spiral/decider/testing';
import { NationalPrioritySet } from '@spiral/event-catalogue';
import { nationalPrioritySet, nationalUser, notNational, setNationalPriority } from '../testing/national-examples';
import { nationalPrioritiesDecider } from './national-priorities.decider';

const spec = deciderSpec(nationalPrioritiesDecider);
const asNational = { actor: nationalUser };

describe('national priorities decider: SetNationalPriority', () => {
  it('sets a national priority', () => {
    spec.given([]).when(setNationalPriority, asNational).then([nationalPrioritySet]);
  });

  it('sets an open-ended priority beside earlier ones', () => {
    const { until: _until, ...openEnded } = setNationalPriority;
    const { until: _dataUntil, ...openData } = nationalPrioritySet.data;
    spec
      .given([nationalPrioritySet])
      .when({ ...openEnded, priorityId: 'cancer-2005' }, asNational)
      .then([NationalPrioritySet.create({ ...openData, priorityId: 'cancer-2005' })]);
  });

  it('refuses a priority id used before', () => {
    spec.given([nationalPrioritySet]).when(setNationalPriority, asNational).thenThrows(AlreadyExists);
  });

  it('refuses a priority that ends before the day it is set', () => {
    spec.given([]).when({ ...setNationalPriority, until: '2005-05-31' }, asNational).thenThrows(InvalidInput);
  });

  it.each(notNational.map((actor) => [actor.role, actor] as const))('refuses a %s user', (_role, actor) => {
    spec.given([]).when(setNationalPriority, { actor }).thenThrows(AccessDenied);
  });
});
