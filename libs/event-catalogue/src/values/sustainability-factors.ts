import { IsIn, IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The ten factors of the NHS Sustainability Model (NHS Institute for Innovation and Improvement,
 * "Sustainability Model and Guide", 2010), in its three domains: process (the first four),
 * staff (the next four) and organisation (the last two).
 */
export const SUSTAINABILITY_FACTORS = [
  'benefitsBeyondHelpingPatients',
  'credibilityOfEvidence',
  'adaptability',
  'effectivenessOfMonitoring',
  'staffInvolvementAndTraining',
  'staffBehaviours',
  'seniorLeadership',
  'clinicalLeadership',
  'fitWithGoalsAndCulture',
  'infrastructureForSustainability',
] as const;
export type SustainabilityFactor = (typeof SUSTAINABILITY_FACTORS)[number];

/** The model offers four statements per factor, labelled a to d; the team picks the one that fits. */
export const SUSTAINABILITY_LEVELS = ['a', 'b', 'c', 'd'] as const;
export type SustainabilityLevel = (typeof SUSTAINABILITY_LEVELS)[number];

/** One assessment: a team may rate only the factors it discussed, so each is optional. */
export class SustainabilityFactors implements Partial<Record<SustainabilityFactor, SustainabilityLevel>> {
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) benefitsBeyondHelpingPatients?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) credibilityOfEvidence?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) adaptability?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) effectivenessOfMonitoring?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) staffInvolvementAndTraining?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) staffBehaviours?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) seniorLeadership?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) clinicalLeadership?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) fitWithGoalsAndCulture?: SustainabilityLevel;
  @IsOptional() @IsIn(SUSTAINABILITY_LEVELS) infrastructureForSustainability?: SustainabilityLevel;
}

/** True when at least one of the ten factors is rated: an assessment of nothing says nothing. */
export function ratesAnyFactor(factors: Partial<Record<SustainabilityFactor, unknown>>): boolean {
  return SUSTAINABILITY_FACTORS.some((factor) => factors[factor] !== undefined);
}

/** Property rule for a `factors` field: at least one factor rated. */
export function RatesAtLeastOneFactor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'ratesAtLeastOneFactor',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' && value !== null && ratesAnyFactor(value),
        defaultMessage: () => `$property must rate at least one of: ${SUSTAINABILITY_FACTORS.join(', ')}`,
      },
    },
    options,
  );
}
