/** One subject: the time it was followed for, and whether the event happened then (else censored). */
export interface SurvivalObservation {
  readonly time: number;
  readonly event: boolean;
  /** How many subjects share this time and outcome (1 when absent): many censored at one time are one entry. */
  readonly count?: number;
}

/** One distinct time: who was at risk just before it, what happened at it, and S(t) just after it. */
export interface KaplanMeierStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  readonly survival: number;
}

export interface KaplanMeierCurve {
  readonly subjects: number;
  readonly events: number;
  readonly censored: number;
  readonly steps: readonly KaplanMeierStep[];
  /** The first time at which S(t) ≤ 0.5; null while more than half have not had the event. */
  readonly median: number | null;
}

/**
 * The Kaplan–Meier product-limit estimator (Kaplan EL, Meier P, "Nonparametric estimation from
 * incomplete observations", JASA 53(282), 1958): S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ),
 * nᵢ the subjects still at risk just before tᵢ and dᵢ the events at tᵢ. At a time with both, events
 * come before censorings (a subject censored at t was still at risk at t), as in the original paper.
 * Every distinct time is a step, censor-only ones too (survival unchanged), as R's survfit lists them.
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierCurve {
  const byTime = new Map<number, { events: number; censored: number }>();
  let subjects = 0;
  let eventCount = 0;
  for (const { time, event, count = 1 } of observations) {
    const tally = byTime.get(time) ?? { events: 0, censored: 0 };
    if (event) tally.events += count;
    else tally.censored += count;
    byTime.set(time, tally);
    subjects += count;
    if (event) eventCount += count;
  }
  const steps: KaplanMeierStep[] = [];
  let atRisk = subjects;
  let survival = 1;
  let median: number | null = null;
  for (const time of [...byTime.keys()].sort((a, b) => a - b)) {
    const { events, censored } = byTime.get(time)!;
    survival *= 1 - events / atRisk;
    steps.push({ time, atRisk, events, censored, survival });
    if (median === null && survival <= 0.5) median = time;
    atRisk -= events + censored;
  }
  return { subjects, events: eventCount, censored: subjects - eventCount, steps, median };
}
