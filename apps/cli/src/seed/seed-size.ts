/**
 * How much history `spiral seed` writes: `small` for tests, `default` for a demo, `large` (about
 * 310,000 events) and `xlarge` (about 1,000,000) for benchmarks.
 */
export const SEED_SIZES = ['small', 'default', 'large', 'xlarge'] as const;
export type SeedSize = (typeof SEED_SIZES)[number];

export interface SeedProfile {
  /** How many of the 28 SHAs, in the CSV's order. */
  readonly shas: number;
  readonly organisationsPerSha: readonly [number, number];
  readonly teamsPerOrganisation: readonly [number, number];
  /** Weights of 0, 1, 2, … spirals started by one team (a child spiral, a new turn, comes on top). */
  readonly spiralsPerTeam: readonly number[];
}

export const SEED_PROFILES: Readonly<Record<SeedSize, SeedProfile>> = {
  // A few SHAs' worth: enough for every kind of fact, and done in seconds.
  small: { shas: 3, organisationsPerSha: [5, 6], teamsPerOrganisation: [3, 4], spiralsPerTeam: [1, 4, 3, 2] },
  // SPEC "Command line": the 28 SHAs, 5–15 organisations each, 3–10 teams each, 0–3 spirals a team.
  default: { shas: 28, organisationsPerSha: [5, 15], teamsPerOrganisation: [3, 10], spiralsPerTeam: [3, 5, 3, 1] },
  // For benchmarks: more teams and more spirals per team.
  large: { shas: 28, organisationsPerSha: [8, 15], teamsPerOrganisation: [6, 14], spiralsPerTeam: [0, 2, 4, 4, 2, 1] },
  // Issue #7's million events: the service at its real breadth (about 600 trusts and PCTs under the 28
  // SHAs of 2002, so 15–25 organisations each), more clinical teams in each, and teams that take
  // on every measure their kind offers more often. Same years: the SHAs' lifetime bounds the history.
  xlarge: { shas: 28, organisationsPerSha: [15, 25], teamsPerOrganisation: [12, 22], spiralsPerTeam: [0, 1, 3, 4, 3, 2] },
};

export function isSeedSize(value: string): value is SeedSize {
  return (SEED_SIZES as readonly string[]).includes(value);
}

/** The default `--random-seed`: fixed, so two plain `spiral seed` runs write the same history. */
export const DEFAULT_RANDOM_SEED = 20020401;
