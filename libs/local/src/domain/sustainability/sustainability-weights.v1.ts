import type { SustainabilityFactor, SustainabilityLevel } from '@spiral/event-catalogue';

/** One version of the weights table: what each chosen level of each factor adds to the score. */
export interface SustainabilityWeights {
  /** Stored with every score, so a view built with one table is never mixed with another's. */
  readonly version: string;
  readonly source: string;
  /** False while any weight below is not checked against the published master score system. */
  readonly verified: boolean;
  /** The highest score the model allows: every factor at its best level. */
  readonly maximumScore: number;
  readonly weights: Readonly<Record<SustainabilityFactor, Readonly<Record<SustainabilityLevel, number>>>>;
}

/**
 * Version 1, PROVISIONAL. Source: NHS Institute for Innovation and Improvement (2010),
 * "Sustainability Model and Guide" (L. Maher, D. Gustafson, A. Evans), "The Sustainability Model
 * master score system": a team picks one statement (a to d) per factor; the weights of the chosen
 * statements add up to a score of at most 100.1, and the leadership and staff factors weigh most.
 *
 * What could be checked, and what could not (the guide itself could not be read while writing this):
 * - Factor maxima of eight factors, as published studies report them from the guide's scoring
 *   (Implementation Science Communications 2021, doi:10.1186/s43058-021-00205-x, Table 5):
 *   benefits 8.5, credibility 9.1, adaptability 7, monitoring 6.5, staff involvement 11.4,
 *   staff behaviours 11, senior leadership 15, infrastructure 9.5. Verified.
 * - The total 100.1 is the published maximum; it leaves 22.1 for clinical leadership and fit
 *   with goals together. The split 15.3 / 6.8 is recalled from the guide, NOT verified.
 * - The weights of the lower statements are NOT verified and NOT copied from the guide. They
 *   follow a stated rule instead: a = the factor's maximum, b = 2/3, c = 1/3, d = 0 of it (to one
 *   decimal), assuming `a` names the strongest statement. The guide's own statements are not
 *   evenly spaced (the study above saw 5.7 for senior leadership, 5.1 for staff behaviours), so
 *   scores below the maximum are approximate. Replace with a verified `v2` table; each score
 *   carries the table's version, and the local views' projection version must be raised with it.
 */
export const SUSTAINABILITY_WEIGHTS_V1: SustainabilityWeights = {
  version: 'nhs-sm-2010.v1-provisional',
  source: 'NHS Institute for Innovation and Improvement (2010), Sustainability Model and Guide, master score system',
  verified: false,
  maximumScore: 100.1,
  weights: {
    // Process
    benefitsBeyondHelpingPatients: { a: 8.5, b: 5.7, c: 2.8, d: 0 },
    credibilityOfEvidence: { a: 9.1, b: 6.1, c: 3.0, d: 0 },
    adaptability: { a: 7.0, b: 4.7, c: 2.3, d: 0 },
    effectivenessOfMonitoring: { a: 6.5, b: 4.3, c: 2.2, d: 0 },
    // Staff
    staffInvolvementAndTraining: { a: 11.4, b: 7.6, c: 3.8, d: 0 },
    staffBehaviours: { a: 11.0, b: 7.3, c: 3.7, d: 0 },
    seniorLeadership: { a: 15.0, b: 10.0, c: 5.0, d: 0 },
    clinicalLeadership: { a: 15.3, b: 10.2, c: 5.1, d: 0 },
    // Organisation
    fitWithGoalsAndCulture: { a: 6.8, b: 4.5, c: 2.3, d: 0 },
    infrastructureForSustainability: { a: 9.5, b: 6.3, c: 3.2, d: 0 },
  },
};
