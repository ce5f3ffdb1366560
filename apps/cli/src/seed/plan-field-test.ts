import { addDays, addMonths, type Instant } from './calendar';
import { roundTo } from './measurement-series';
import type { Random } from './prng';
import { MEASURES } from './reference/measure-library';
import type { PracticeAct, PracticeTemplate } from './reference/practice-library';
import { NATIONAL_ACTOR } from './seed-actors';
import type { Story } from './story';

type FieldTestAct = Extract<PracticeAct, { act: 'fieldTest' }>;

/** Share of the gap from baseline to target each site closed, by the verdict the test will reach. */
function shareClosed(random: Random, verdict: FieldTestAct['verdict'], siteIndex: number): number {
  switch (verdict) {
    case 'effective':
      return random.between(0.55, 0.9);
    case 'inconclusive':
      // Half the sites improved and half did not: why the verdict could not be given.
      return siteIndex % 2 === 0 ? random.between(0.3, 0.5) : random.between(-0.05, 0.05);
    case 'ineffective':
      return random.between(-0.06, 0.06);
    default: {
      const unexpected: never = verdict;
      return unexpected;
    }
  }
}

const NOTES: Readonly<Record<FieldTestAct['verdict'], readonly string[]>> = {
  effective: ['Staff took to it within a month.', 'Worked once the night staff were trained too.', 'A clear change from the first month.'],
  inconclusive: ['Too few eligible patients to be sure.', 'Staffing changes in the middle of the test.', 'Improved, then slipped back in the winter.'],
  ineffective: ['No change beyond the usual variation.', 'Carried out as planned; no effect seen.'],
};

/**
 * SPEC "National level", field testing: a test at named sites (seeded organisations), each site's
 * report against its own baseline, then the verdict. Sites report in the order they finish.
 */
export function planFieldTest(
  story: Story,
  random: Random,
  step: string,
  practiceId: string,
  template: PracticeTemplate,
  act: FieldTestAct,
  sites: readonly string[],
  startAt: Instant,
): void {
  const fieldTestId = story.entityId(NATIONAL_ACTOR, `${step}-start`);
  story.add('fieldTest', fieldTestId, startAt, `${step}-start`, NATIONAL_ACTOR, {
    type: 'StartFieldTest',
    fieldTestId,
    practiceId,
    sites: [...sites],
    protocol: act.protocol,
  });
  const measure = MEASURES[template.measure];
  const reports = sites
    .map((site, index) => ({ site, index, at: addDays(addMonths(startAt, act.months), random.int(0, 30)) }))
    .sort((a, b) => a.at - b.at);
  for (const { site, index, at } of reports) {
    const baselineValue = roundTo(random.between(...measure.baseline), measure.decimals);
    const target = random.between(...measure.target);
    const resultValue = roundTo(baselineValue + (target - baselineValue) * shareClosed(random, act.verdict, index), measure.decimals);
    story.add('fieldTest', fieldTestId, at, `${step}-report-${site}`, NATIONAL_ACTOR, {
      type: 'ReportFieldTestSite',
      fieldTestId,
      site,
      measure: measure.measure.name,
      baselineValue,
      resultValue,
      notes: random.pick(NOTES[act.verdict]),
    });
  }
  const lastReport = reports.at(-1)?.at ?? startAt;
  story.add('fieldTest', fieldTestId, addDays(lastReport, random.int(20, 45)), `${step}-conclude`, NATIONAL_ACTOR, {
    type: 'ConcludeFieldTest',
    fieldTestId,
    verdict: act.verdict,
    effectSize: act.effectSize,
    summary: act.summary,
  });
}
