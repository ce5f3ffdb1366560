/** The national view's logical collections; the runner stores them as `<name>_v<version>`. */
export const NATIONAL_COLLECTIONS = {
  /** One per practice: the catalogue's facts and its adopting teams. */
  practices: 'national-practices',
  /** One per spiral that adopted a practice: its gains and the impact of its adoption. */
  practiceSpirals: 'national-practice-spirals',
  /** One per field test: sites, reports, verdict. */
  fieldTests: 'national-field-tests',
  /** One per SHA: penetration counts and when its teams registered, for geographical variation. */
  regions: 'national-regions',
  /** One summary per spiral, as the regional view keeps them. */
  spirals: 'national-spirals',
  /** One per spiral: its measure's points, for the impact of its adoption. */
  measures: 'national-measures',
  /** One per team: where it belongs and how many of its spirals are live. */
  teams: 'national-teams',
  /** One document: how many events have changed the view, so readers know when theirs is current. */
  changes: 'national-changes',
} as const;
