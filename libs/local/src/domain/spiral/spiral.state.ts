import type { EventContext } from '@spiral/decider';
import {
  spiralStepAfter,
  type AppraisedOption,
  type GainRule,
  type Measure,
  type SpiralEvent,
  type SpiralOutcome,
  type SpiralStep,
  type Trigger,
} from '@spiral/event-catalogue';
import { withPeriod } from './recorded-periods';

export interface SpiralAdoption {
  readonly optionId: string;
  readonly practiceId?: string;
  readonly practiceVersion?: number;
  /** When it happened: SPC counts a point as after adoption when its period is later than this. */
  readonly occurredAt: string;
}

export type GainKind = 'achieved' | 'sustained' | 'lost';

export interface SpiralGain {
  readonly kind: GainKind;
  readonly rule: GainRule;
  readonly periods: readonly string[];
  readonly occurredAt: string;
}

/** Where the latest gain stands: `none` before any, else the kind of the latest gain event. */
export type GainStatus = 'none' | GainKind;

export interface RecognisedSpiral {
  readonly status: 'recognised';
  readonly spiralId: string;
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly title: string;
  readonly measure: Measure;
  readonly baseline: number;
  readonly target: number;
  readonly trigger: Trigger;
  readonly gap: string;
  readonly parentSpiralId?: string;
  readonly step: SpiralStep;
  /** The latest appraisal: each appraisal replaces the set before it. */
  readonly options: readonly AppraisedOption[];
  readonly adoption: SpiralAdoption | undefined;
  readonly changeSupportCount: number;
  readonly cycleCount: number;
  readonly assessmentCount: number;
  /** Every recorded period, sorted ascending (YYYY-MM-DD sorts as dates do). */
  readonly periods: readonly string[];
  /** Periods from which a person confirmed new limits, in the order confirmed. */
  readonly rebasedFrom: readonly string[];
  /** The gains recorded and not withdrawn, in the order recorded. */
  readonly gains: readonly SpiralGain[];
  readonly gainStatus: GainStatus;
  readonly outcome?: SpiralOutcome;
}

export type SpiralState = { readonly status: 'unrecognised' } | RecognisedSpiral;

export const initialSpiralState: SpiralState = { status: 'unrecognised' };

export function evolveSpiral(state: SpiralState, event: SpiralEvent, context: EventContext): SpiralState {
  if (event.type === 'NeedRecognised') {
    return {
      status: 'recognised',
      ...event.data,
      step: spiralStepAfter('recognition', event),
      options: [],
      adoption: undefined,
      changeSupportCount: 0,
      cycleCount: 0,
      assessmentCount: 0,
      periods: [],
      rebasedFrom: [],
      gains: [],
      gainStatus: 'none',
    };
  }
  // Every other event follows NeedRecognised in its stream; one on its own changes nothing.
  if (state.status !== 'recognised') return state;
  const next = evolveRecognised(state, event, context);
  // The step is the catalogue's one rule, the one every level's views follow too.
  return { ...next, step: spiralStepAfter(state.step, event) };
}

function evolveRecognised(
  state: RecognisedSpiral,
  event: Exclude<SpiralEvent, { type: 'NeedRecognised' }>,
  context: EventContext,
): RecognisedSpiral {
  switch (event.type) {
    case 'KnowledgePulled':
      return state;
    case 'OptionsAppraised':
      return { ...state, options: event.data.options };
    case 'OptionAdopted': {
      const { optionId, practiceId, practiceVersion } = event.data;
      const adoption: SpiralAdoption = {
        optionId,
        ...(practiceId === undefined ? {} : { practiceId }),
        ...(practiceVersion === undefined ? {} : { practiceVersion }),
        occurredAt: context.occurredAt,
      };
      return { ...state, adoption };
    }
    case 'ChangeSupportSecured':
      return { ...state, changeSupportCount: state.changeSupportCount + 1 };
    case 'ChangeCycleCompleted':
      return { ...state, cycleCount: event.data.cycleNumber };
    case 'MeasurementRecorded':
      return { ...state, periods: withPeriod(state.periods, event.data.period) };
    case 'RebaseConfirmed':
      return { ...state, rebasedFrom: [...state.rebasedFrom, event.data.fromPeriod] };
    case 'SustainabilityAssessed':
      return { ...state, assessmentCount: state.assessmentCount + 1 };
    case 'GainAchieved':
      return withGain(state, 'achieved', event.data, context);
    case 'GainSustained':
      return withGain(state, 'sustained', event.data, context);
    case 'GainLost':
      return withGain(state, 'lost', event.data, context);
    case 'GainWithdrawn':
      return withoutLatestGain(state);
    case 'SpiralClosed':
      return { ...state, outcome: event.data.outcome };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

function withGain(
  state: RecognisedSpiral,
  kind: GainKind,
  data: { readonly rule: GainRule; readonly periods: readonly string[] },
  context: EventContext,
): RecognisedSpiral {
  const gain: SpiralGain = { kind, rule: data.rule, periods: data.periods, occurredAt: context.occurredAt };
  return { ...state, gains: [...state.gains, gain], gainStatus: kind };
}

/**
 * The spiral once its latest gain is withdrawn (the decider lets only the latest go): the status
 * is again that of the gain before it (the step follows the catalogue's one rule, above).
 */
function withoutLatestGain(state: RecognisedSpiral): RecognisedSpiral {
  const gains = state.gains.slice(0, -1);
  return { ...state, gains, gainStatus: gains.at(-1)?.kind ?? 'none' };
}
