import type {
  CycleDecision,
  GainRule,
  GainUndoingEvent,
  Measure,
  SpiralOutcome,
  SustainabilityFactor,
  SustainabilityLevel,
  Trigger,
} from '@spiral/event-catalogue';
import type { GainKind } from './spiral.state';

/**
 * What a team may ask of one spiral. Every command names its spiral, so a refusal can name it too.
 * What a decision needs from other streams (the team, a parent spiral, a practice) is loaded by the
 * application layer and carried here, keeping the decider pure.
 */

/** The team as the application layer read it from the team's stream; undefined when unregistered. */
export interface KnownTeam {
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
}

/** The parent spiral as read from its stream; undefined when it has no NeedRecognised. */
export interface KnownSpiral {
  readonly spiralId: string;
  readonly orgCode: string;
}

/** A catalogue practice as the national catalogue stood when the decision was taken. */
export interface KnownPractice {
  readonly practiceId: string;
  readonly status: 'proposed' | 'published' | 'retired';
  readonly version?: number;
}

export interface RecogniseNeed {
  readonly type: 'RecogniseNeed';
  readonly spiralId: string;
  readonly teamId: string;
  readonly team: KnownTeam | undefined;
  readonly title: string;
  readonly measure: Measure;
  readonly baseline: number;
  readonly target: number;
  readonly trigger: Trigger;
  readonly gap: string;
  readonly parentSpiralId?: string;
  readonly parentSpiral?: KnownSpiral | undefined;
}

export interface PullKnowledge {
  readonly type: 'PullKnowledge';
  readonly spiralId: string;
  readonly practiceIds: readonly string[];
  readonly peerSpiralIds: readonly string[];
  readonly sources: readonly string[];
  readonly question: string;
}

export interface AppraiseOptions {
  readonly type: 'AppraiseOptions';
  readonly spiralId: string;
  readonly options: readonly { readonly optionId: string; readonly summary: string; readonly practiceId?: string }[];
}

export interface AdoptOption {
  readonly type: 'AdoptOption';
  readonly spiralId: string;
  readonly optionId: string;
  /** Loaded when the appraised option names a practice; ignored otherwise. */
  readonly practice?: KnownPractice | undefined;
  readonly rationale: string;
  readonly decidedBy: readonly string[];
  readonly stakeholders: readonly string[];
  readonly patientPerspective: string;
  readonly adaptations?: string;
}

export interface SecureChangeSupport {
  readonly type: 'SecureChangeSupport';
  readonly spiralId: string;
  readonly resources: readonly string[];
  readonly improvementTeam: readonly { readonly role: string; readonly skills: readonly string[] }[];
  readonly sponsor: string;
}

export interface CompleteChangeCycle {
  readonly type: 'CompleteChangeCycle';
  readonly spiralId: string;
  readonly plan: string;
  readonly prediction: string;
  readonly observed: string;
  readonly learning: string;
  readonly decision: CycleDecision;
}

export interface RecordMeasurements {
  readonly type: 'RecordMeasurements';
  readonly spiralId: string;
  readonly points: readonly { readonly period: string; readonly value: number }[];
}

/** What the spiral's SPC chart says of a rebase; the handler computes it from the stream, never the request. */
export interface RebaseChartFacts {
  /** The first period of the rebase the chart suggests now; null when it suggests none. */
  readonly suggestedFromPeriod: string | null;
  /** The fewest points of a group whose limits are not trial limits (@spiral/spc TRIAL_BELOW_POINTS). */
  readonly pointsForLimits: number;
}

export interface ConfirmRebase {
  readonly type: 'ConfirmRebase';
  readonly spiralId: string;
  readonly fromPeriod: string;
  readonly reason: string;
  readonly chart: RebaseChartFacts | undefined;
}

export interface AssessSustainability {
  readonly type: 'AssessSustainability';
  readonly spiralId: string;
  readonly assessedBy: string;
  readonly factors: Partial<Record<SustainabilityFactor, SustainabilityLevel>>;
}

/** Sent by the SPC process manager when the chart signals; see spiral-steps/gains.ts for who may. */
export interface RecordGain<TType extends string> {
  readonly type: TType;
  readonly spiralId: string;
  readonly rule: GainRule;
  readonly periods: readonly string[];
}
export type RecordGainAchieved = RecordGain<'RecordGainAchieved'>;
export type RecordGainSustained = RecordGain<'RecordGainSustained'>;
export type RecordGainLost = RecordGain<'RecordGainLost'>;

/** Sent by the SPC process manager when the chart no longer shows the spiral's latest gain. */
export interface WithdrawGain {
  readonly type: 'WithdrawGain';
  readonly spiralId: string;
  readonly withdrawn: GainKind;
  readonly periods: readonly string[];
  readonly undoneBy: GainUndoingEvent;
  readonly undoingPeriod: string;
}

export interface CloseSpiral {
  readonly type: 'CloseSpiral';
  readonly spiralId: string;
  readonly outcome: SpiralOutcome;
  readonly learning: string;
}

export type SpiralCommand =
  | RecogniseNeed
  | PullKnowledge
  | AppraiseOptions
  | AdoptOption
  | SecureChangeSupport
  | CompleteChangeCycle
  | RecordMeasurements
  | ConfirmRebase
  | AssessSustainability
  | RecordGainAchieved
  | RecordGainSustained
  | RecordGainLost
  | WithdrawGain
  | CloseSpiral;
