import { laterOf, type GainEpisode } from '@spiral/analytics';
import { spiralStepAfter, type EventEnvelope, type ImprovementDirection, type SpiralEvent, type SpiralStep } from '@spiral/event-catalogue';
import type { SpiralTimeline } from './spiral-timeline';

/**
 * What the regional and national views need to know of one spiral, folded from its stream. The
 * step follows the spiral's own (SPEC "The spiral"): contexts share events, not code, so this is
 * the read side's fold of the published events, kept to what the views count; the step itself is
 * the catalogue's one rule (spiralStepAfter), which the spiral's own fold calls too.
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
  const next = {
    ...summary,
    revision: envelope.streamRevision,
    lastEventAt: laterOf(summary.lastEventAt, at),
    step: spiralStepAfter(summary.step, event),
  };
  switch (event.type) {
    case 'OptionAdopted':
      return { ...next, adoption: { optionId: event.data.optionId, practiceId: event.data.practiceId ?? null, at } };
    case 'GainAchieved':
      return { ...next, gains: [...summary.gains, { achievedAt: at, sustainedAt: null, lostAt: null }] };
    case 'GainSustained':
      return { ...next, gains: withLatestGain(summary.gains, { sustainedAt: at }) };
    case 'GainLost':
      return { ...next, gains: withLatestGain(summary.gains, { lostAt: at }) };
    case 'GainWithdrawn':
      return withGainWithdrawn(next, event.data.withdrawn);
    case 'SpiralClosed':
      return { ...next, live: false };
    case 'KnowledgePulled':
    case 'OptionsAppraised':
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
 * gain goes with its episode (the step follows the catalogue's one rule); a sustained or lost one
 * leaves the episode as it was before.
 */
function withGainWithdrawn(summary: SpiralSummary, withdrawn: 'achieved' | 'sustained' | 'lost'): SpiralSummary {
  if (withdrawn === 'sustained') return { ...summary, gains: withLatestGain(summary.gains, { sustainedAt: null }) };
  if (withdrawn === 'lost') return { ...summary, gains: withLatestGain(summary.gains, { lostAt: null }) };
  return { ...summary, gains: summary.gains.slice(0, -1) };
}
