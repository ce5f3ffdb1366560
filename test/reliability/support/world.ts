import type { Identity } from '../../e2e/support/embedded-harness';
import { needBody, stepBodies, teamBody } from '../../e2e/support/local-spirals';
import type { ApiClient } from './api-client';

/** One clinical team's corner of the health service: its organisation, region, team, spiral and network. */
export interface Place {
  readonly org: string;
  readonly sha: string;
  readonly teamId: string;
  readonly spiralId: string;
  readonly networkId: string;
}

/** What a suite's requests point at: places, and the national facts everyone shares. */
export interface World {
  readonly practiceId: string;
  readonly fieldTestId: string;
  readonly replayId: string;
}

export const localOf = (org: string, sha: string): Identity => ({ role: 'local', org, sha, sub: `local-${org}` });
export const regionalOf = (sha: string): Identity => ({ role: 'regional', sha, sub: `regional-${sha}` });
export const nationalUser: Identity = { role: 'national', sub: 'national-1' };
export const analystUser: Identity = { role: 'analyst', sub: 'analyst-1' };

/** A team of `org` in `sha` with a spiral that pulled knowledge, and a network and a priority of its region. */
export async function buildPlace(api: ApiClient, org: string, sha: string): Promise<Place> {
  const local = localOf(org, sha);
  const teamId = await api.created('/teams', local, teamBody(org, sha));
  const spiralId = await api.created('/spirals', local, needBody(teamId));
  await api.created(`/spirals/${spiralId}/knowledge`, local, stepBodies.knowledge);
  const networkId = await api.created(`/regions/${sha}/networks`, regionalOf(sha), {
    name: `Stroke network ${sha}`,
    kind: 'communityOfPractice',
    purpose: 'Share what works in hyperacute stroke care.',
  });
  // The region's own stream then has a fact, so a command dated before it is refused like any other stream's.
  const priority = { measure: { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' }, rationale: 'Stroke outcomes lag.' };
  await api.created(`/regions/${sha}/priorities`, regionalOf(sha), priority);
  return { org, sha, teamId, spiralId, networkId };
}

/** A practice under field test, and a replay an analyst started. */
export async function buildWorld(api: ApiClient): Promise<World> {
  const practiceId = await api.created('/practices', nationalUser, {
    title: 'Nurse-led thrombolysis',
    summary: 'Trained nurses thrombolyse without waiting for a doctor.',
    origin: 'nhsTeam',
    originDetail: 'A stroke unit in the north west',
    targetMeasures: ['Door-to-needle time'],
  });
  const fieldTestId = await api.created(`/practices/${practiceId}/field-tests`, nationalUser, { sites: ['RX1', 'RX2'], protocol: 'Six months against the previous six.' });
  const replay = await api.post('/replays', analystUser, { view: 'national', asOf: new Date().toISOString() });
  const replayId = (replay.body as { id?: string }).id ?? 'no-replay';
  return { practiceId, fieldTestId, replayId };
}

/**
 * Fills a route template's parameters from the segment before each: `/spirals/{id}` takes the
 * place's spiral, `/regions/{sha}` its region; a parameter of a kind not known here gets an id that
 * exists nowhere (the route then answers 404, still a refusal to check).
 */
export function fillPath(template: string, place: Place, world: World): string {
  const segments = template.split('/');
  return segments
    .map((segment, index) => {
      if (!/^\{\w+\}$/.test(segment)) return segment;
      switch (segments[index - 1]) {
        case 'spirals':
          return place.spiralId;
        case 'teams':
          return place.teamId;
        case 'organisations':
          return place.org;
        case 'regions':
          return place.sha;
        case 'networks':
          return place.networkId;
        case 'practices':
          return world.practiceId;
        case 'field-tests':
          return world.fieldTestId;
        case 'replays':
          return world.replayId;
        case undefined:
        default:
          return 'reliability-unknown';
      }
    })
    .join('/');
}
