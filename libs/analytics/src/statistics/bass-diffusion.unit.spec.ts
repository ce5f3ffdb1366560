import { bassDiffusion, bassShare, fitBassCurve, MAX_FOLLOW_UP_MONTHS } from './bass-diffusion';

describe('bassShare', () => {
  it('follows F(t) = (1 − e^−(p+q)t) / (1 + (q/p)·e^−(p+q)t), by hand', () => {
    // p = 0.03, q = 0.38 (Bass's average coefficients, Sultan F et al., J Marketing Res 27, 1990, are
    // p ≈ 0.03, q ≈ 0.38). t = 1: e^−0.41 = 0.663650; F = 0.336350 / (1 + 12.6667 × 0.663650) = 0.035758.
    expect(bassShare(0.03, 0.38, 1)).toBeCloseTo(0.035758, 6);
    // t = 6: e^−2.46 = 0.085435; F = 0.914565 / 2.082177 = 0.439235.
    expect(bassShare(0.03, 0.38, 6)).toBeCloseTo(0.439235, 6);
    expect(bassShare(0.03, 0.38, 0)).toBe(0);
  });
});

describe('fitBassCurve', () => {
  const exact = Array.from({ length: 24 }, (_, i) => ({ month: i + 1, cumulative: 100 * bassShare(0.03, 0.38, i + 1) }));

  it('recovers p, q and m from an exact Bass curve', () => {
    const fit = fitBassCurve(exact);
    expect(fit.p).toBeCloseTo(0.03, 4);
    expect(fit.q).toBeCloseTo(0.38, 3);
    expect(fit.m).toBeCloseTo(100, 2);
    expect(fit.rSquared).toBeCloseTo(1, 8);
    // Peak at ln(0.38/0.03) / 0.41 = 6.19 months.
    expect(fit.peakMonth).toBeCloseTo(6.1926, 3);
  });

  it('holds the market potential at the most that could adopt', () => {
    const fit = fitBassCurve(exact, 80);
    expect(fit.m).toBeLessThanOrEqual(80);
  });
});

describe('bassDiffusion', () => {
  it('fits adoption times of enough teams over enough months', () => {
    // 12 teams over 6 months: 1, 1, 2 in months 1–2, then 3, 3 in months 3–4, then 1, 1 in months 5–6.
    const months = [0.5, 1.5, 2.2, 2.8, 3.1, 3.4, 3.9, 4.2, 4.5, 4.8, 5.5, 6];
    const fit = bassDiffusion(months, 8);
    expect(fit).toMatchObject({ fitted: true, adopters: 12, monthsWithAdoptions: 6 });
    if (!fit.fitted) return;
    expect(fit.points.map((point) => point.observed)).toEqual([1, 2, 4, 7, 10, 12, 12, 12]);
    expect(fit.rSquared).toBeGreaterThan(0.98);
    expect(fit.m).toBeGreaterThanOrEqual(11);
  });

  it('follows at most a century of months, however far the horizon a client asks for', () => {
    const months = [0.5, 1.5, 2.2, 2.8, 3.1, 3.4, 3.9, 4.2, 4.5, 4.8, 5.5, 6];
    const started = performance.now();
    // asOf=9999-12-31 for a practice published in 2002: about 96,000 months.
    const far = bassDiffusion(months, 96_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(far).toEqual(bassDiffusion(months, MAX_FOLLOW_UP_MONTHS));
    if (far.fitted) expect(far.points).toHaveLength(MAX_FOLLOW_UP_MONTHS);
    // An adoption entered with an ancient publication date counts at the century's end, not beyond it.
    expect(bassDiffusion([...months, 50_000], 60_000)).toMatchObject({ fitted: true, adopters: 13, points: expect.any(Array) as unknown });
  });

  it('says why it does not fit too few adopters', () => {
    expect(bassDiffusion([1, 2, 3, 4, 5, 6, 7], 12)).toEqual({
      fitted: false,
      reason: 'needs at least 8 adopting teams and adoptions in at least 4 months; has 7 in 7',
      adopters: 7,
      monthsWithAdoptions: 7,
    });
    expect(bassDiffusion([1, 1, 1, 1, 2, 2, 2, 2, 3], 12)).toMatchObject({ fitted: false, monthsWithAdoptions: 3 });
  });
});
