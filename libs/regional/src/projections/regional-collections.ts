/** The regional view's logical collections; the runner stores them as `<name>_v<version>`. */
export const REGIONAL_COLLECTIONS = {
  /** One document per SHA: the region's counts, adopters, support, priorities and strategies. */
  regions: 'regional-regions',
  /** One summary per spiral: its step, its last activity, its adoption and gains. */
  spirals: 'regional-spirals',
  /** One per team: where it belongs and how many of its spirals are live. */
  teams: 'regional-teams',
  /** One per network or community of practice. */
  networks: 'regional-networks',
  /** One document: how many events have changed the view, so readers know when theirs is current. */
  changes: 'regional-changes',
} as const;
