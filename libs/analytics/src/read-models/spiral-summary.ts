import type { EventEnvelope, ImprovementDirection, SpiralEvent, SpiralStep } from '@spiral/event-catalogue';
import type { GainEpisode } from '../figures/gain-sustainability';
import { laterOf } from '../time/calendar';
import type { SpiralTimeline } from './spiral-timeline';

/**
 * What the regional and national views need to know of one spiral, folded from its stream. The
 * step follows the spiral's own (SPEC "The spiral"): contexts share events, not code, so this is
 * the read side's fold of the published events, kept to what the views count.
 */
export type SpiralSummary = {
  spiralId: string;
  /** Last applied revision of the spiral's stream. */
  revision: number;
  teamId: string;
  orgCode: string;
  shaCode: string;
  /** The need's title, so a view can name the spiral (absent from summaries written before it). */
  title?: string;
  measure: { name: string; unit: string; improvement: ImprovementDirection };
  /** The baseline the team declared when it recognised the need. */
  baseline: number;
  step: SpiralStep;
  /** Not closed; a top-level flag so a view store can find a region's live spirals. */
  live: boolean;
  recognisedAt: string;
  /** The latest occurredAt on the stream: a spiral stalls when this grows old. */
  lastEventAt: string;
  adoption: { optionId: string; practiceId: string | null; at: string } | null;
  gains: GainEpisode[];
} & Partial<SpiralTimeline>;

const SPIRAL_EVENTS: Readonly<Record<SpiralEvent['type'], true>> = {
  NeedRecognised: true,
  KnowledgePulled: true,
  OptionsAppraised: true,
  OptionAdopted: true,
  ChangeSupportSecured: true,
  ChangeCycleCompleted: true,
  MeasurementRecorded: true,
  RebaseConfirmed: true,
  SustainabilityAssessed: true,
  GainAchieved: true,
  GainSustained: true,
  GainLost: true,
  GainWithdrawn: true,
  SpiralClosed: true,
};

/** Every event type of a spiral's stream: each one is activity, so each moves lastEventAt. */
export const SPIRAL_EVENT_TYPES: readonly string[] = Object.keys(SPIRAL_EVENTS);

export function isSpiralEvent(event: Pick<EventEnvelope, 'type'>): boolean {
  return Object.hasOwn(SPIRAL_EVENTS, event.type);
}

/** The spiral's summary after one more event of its stream; undefined before its NeedRecognised. */
export function foldSpiralEvent(summary: SpiralSummary | undefined, envelope: EventEnvelope): SpiralSummary | undefined {
  const event = { type: envelope.type, data: envelope.data } as SpiralEvent;
  const at = envelope.occurredAt;
  if (event.type === 'NeedRecognised') {
    const { spiralId, teamId, orgCode, shaCode, title, measure, baseline } = event.data;
    return {
      spiralId,
      revision: envelope.streamRevision,
      teamId,
      orgCode,
      shaCode,
      title,
      measure: { name: measure.name, unit: measure.unit, improvement: measure.improvement },
      baseline,
      step: 'recognition',
      live: true,
      recognisedAt: at,
      lastEventAt: at,
      adoption: null,
      gains: [],
    };
  }
  if (summary === undefined) return undefined;
  const next = { ...summary, revision: envelope.streamRevision, lastEventAt: laterOf(summary.lastEventAt, at) };
  switch (event.type) {
    case 'KnowledgePulled':
      // Learning more while deciding keeps the spiral at its decision, as the spiral's own fold does.
      return { ...next, step: summary.step === 'decision' ? 'decision' : 'knowing' };
    case 'OptionsAppraised':
      return { ...next, step: 'decision' };
    case 'OptionAdopted':
      return { ...next, step: 'change', adoption: { optionId: event.data.optionId, practiceId: event.data.practiceId ?? null, at } };
    case 'GainAchieved':
      return { ...next, step: 'sustainability', gains: [...summary.gains, { achievedAt: at, sustainedAt: null, lostAt: null }] };
    case 'GainSustained':
      return { ...next, gains: withLatestGain(summary.gains, { sustainedAt: at }) };
    case 'GainLost':
      return { ...next, gains: withLatestGain(summary.gains, { lostAt: at }) };
    case 'GainWithdrawn':
      return withGainWithdrawn(next, event.data.withdrawn);
    case 'SpiralClosed':
      return { ...next, step: 'closed', live: false };
    case 'ChangeSupportSecured':
    case 'ChangeCycleCompleted':
    case 'MeasurementRecorded':
    case 'RebaseConfirmed':
    case 'SustainabilityAssessed':
      return next;
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

function withLatestGain(gains: readonly GainEpisode[], change: Partial<GainEpisode>): GainEpisode[] {
  const latest = gains.at(-1);
  return latest === undefined ? [...gains] : [...gains.slice(0, -1), { ...latest, ...change }];
}

/**
 * A withdrawal takes back the latest gain fact (the spiral's decider allows no other): an achieved
 * gain goes with its episode, and a spiral left with none is back at its change step, as the
 * spiral's own fold has it; a sustained or lost one leaves the episode as it was before.
 */
function withGainWithdrawn(summary: SpiralSummary, withdrawn: 'achieved' | 'sustained' | 'lost'): SpiralSummary {
  if (withdrawn === 'sustained') return { ...summary, gains: withLatestGain(summary.gains, { sustainedAt: null }) };
  if (withdrawn === 'lost') return { ...summary, gains: withLatestGain(summary.gains, { lostAt: null }) };
  const gains = summary.gains.slice(0, -1);
  return { ...summary, gains, step: gains.length === 0 && summary.step === 'sustainability' ? 'change' : summary.step };
}
