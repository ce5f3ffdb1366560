/**
 * How strong the evidence behind a catalogue practice is, weakest first, so views can compare
 * levels by position. A practice is published (and revised) at one of these.
 */
export const EVIDENCE_LEVELS = [
  'anecdotal',
  'observational',
  'fieldTested',
  'trialEvidence',
  'systematicReview',
] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
