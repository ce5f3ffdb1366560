import { emptyPractice, type PracticeDocument } from './practice-document';
import { practiceSpread } from './practice-spread';

/** Twelve teams adopting over six months after a publication on 2004-01-01. */
const adoptionDays = [15, 40, 61, 70, 85, 95, 100, 110, 120, 135, 150, 170];
const practice: PracticeDocument = {
  ...emptyPractice('p-1'),
  revision: 1,
  status: 'published',
  title: 'Practice p-1',
  publishedAt: '2004-01-01T00:00:00.000Z',
  adopters: Object.fromEntries(
    adoptionDays.map((day, i) => [`t${i}`, { spiralId: `s${i}`, orgCode: `RX${i % 4}`, shaCode: i % 2 === 0 ? 'Q01' : 'Q02', at: new Date(Date.parse('2004-01-01') + day * 86_400_000).toISOString() }]),
  ),
};

describe('practiceSpread', () => {
  const spread = practiceSpread(practice, { asOf: '2004-09-01T00:00:00.000Z', teamsRegistered: 40 });

  it('fits Bass once there are enough adopters over enough months, m at most the teams registered', () => {
    expect(spread.diffusion).toMatchObject({ fitted: true, adopters: 12, monthsWithAdoptions: 6 });
    if (!spread.diffusion.fitted) return;
    expect(spread.diffusion.m).toBeGreaterThanOrEqual(12);
    expect(spread.diffusion.m).toBeLessThanOrEqual(40);
    expect(spread.diffusion.rSquared).toBeGreaterThan(0.95);
    // Followed 244 days (8.02 mean months) to 2004-09-01: monthly points 1 to 9, the last holding all twelve.
    expect(spread.diffusion.points.at(-1)).toMatchObject({ month: 9, observed: 12 });
  });

  it('runs the months from publication and splits by region', () => {
    expect(spread.byMonth[0]).toEqual({ month: '2004-01', teams: 1, organisations: 1, regions: 1 });
    expect(spread.byMonth.at(-1)).toEqual({ month: '2004-06', teams: 12, organisations: 4, regions: 2 });
    expect(spread.byRegion.map((region) => [region.shaCode, region.teams])).toEqual([['Q01', 6], ['Q02', 6]]);
  });
});
