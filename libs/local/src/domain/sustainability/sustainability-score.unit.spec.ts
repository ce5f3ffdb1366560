import { SUSTAINABILITY_FACTORS, SUSTAINABILITY_LEVELS } from '@spiral/event-catalogue';
import { scoreSpread, spreadOverTime, sustainabilityScore, type SustainabilityRatings } from './sustainability-score';
import { SUSTAINABILITY_WEIGHTS_V1 } from './sustainability-weights.v1';

const allAt = (level: 'a' | 'b' | 'c' | 'd'): SustainabilityRatings =>
  Object.fromEntries(SUSTAINABILITY_FACTORS.map((factor) => [factor, level]));

describe('the NHS Sustainability Model weights, v1', () => {
  it('allows at most the published 100.1, every factor at its best level', () => {
    expect(sustainabilityScore(allAt('a'))).toEqual({
      score: 100.1,
      factorsRated: 10,
      complete: true,
      weightsVersion: 'nhs-sm-2010.v1-provisional',
      weightsVerified: false,
    });
    expect(sustainabilityScore(allAt('d')).score).toBe(0);
  });

  it('weighs senior and clinical leadership most, as the model does', () => {
    const maxima = SUSTAINABILITY_FACTORS.map((factor) => [factor, SUSTAINABILITY_WEIGHTS_V1.weights[factor].a] as const);
    const heaviest = [...maxima].sort(([, a], [, b]) => b - a).slice(0, 2).map(([factor]) => factor);
    expect(heaviest.sort()).toEqual(['clinicalLeadership', 'seniorLeadership']);
  });

  it('keeps the provisional rule it states for the unverified lower levels: 2/3, 1/3 and 0 of the maximum', () => {
    for (const factor of SUSTAINABILITY_FACTORS) {
      const { a, b, c, d } = SUSTAINABILITY_WEIGHTS_V1.weights[factor];
      expect({ b, c, d }).toEqual({ b: Math.round((a * 20) / 3) / 10, c: Math.round((a * 10) / 3) / 10, d: 0 });
    }
    expect(SUSTAINABILITY_LEVELS).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('an assessment score', () => {
  it('sums only the factors rated and says the assessment is partial', () => {
    expect(sustainabilityScore({ seniorLeadership: 'b', clinicalLeadership: 'a' })).toMatchObject({ score: 25.3, factorsRated: 2, complete: false });
  });

  it('rounds to tenths so sums of weights do not drift', () => {
    expect(sustainabilityScore({ benefitsBeyondHelpingPatients: 'c', credibilityOfEvidence: 'c', adaptability: 'c' }).score).toBe(8.1);
  });
});

describe('the team mean and spread', () => {
  it('is the population variance across members, with the count it is made of', () => {
    expect(scoreSpread([60, 70, 80])).toEqual({ count: 3, mean: 70, variance: 200 / 3, min: 60, max: 80 });
    expect(scoreSpread([55])).toEqual({ count: 1, mean: 55, variance: 0, min: 55, max: 55 });
    expect(scoreSpread([])).toEqual({ count: 0, mean: null, variance: null, min: null, max: null });
  });

  it('groups by assessment date, oldest first, and counts only complete assessments in the figures', () => {
    const complete = (level: 'a' | 'd') => sustainabilityScore(allAt(level));
    const partial = sustainabilityScore({ seniorLeadership: 'a' });
    const overTime = spreadOverTime([
      { date: '2005-03-01', score: complete('a') },
      { date: '2004-09-01', score: complete('d') },
      { date: '2005-03-01', score: complete('d') },
      { date: '2005-03-01', score: partial },
    ]);
    expect(overTime).toEqual([
      { date: '2004-09-01', assessments: 1, count: 1, mean: 0, variance: 0, min: 0, max: 0 },
      { date: '2005-03-01', assessments: 3, count: 2, mean: 50.05, variance: 50.05 ** 2, min: 0, max: 100.1 },
    ]);
  });
});
