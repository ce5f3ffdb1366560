import type { GainWithdrawnData, Measure } from '@spiral/event-catalogue';
import type { Projection } from '@spiral/projections';
import { localEventOf, localEventTypes, type LocalEvent } from './local-event';
import { updateDocument, type SourceRevisions } from '@spiral/projections';
import { gainOf, gainsWithdrawn, newSpiralProgress, progressAfter, type RecordedGain, type SpiralProgress } from './spiral-progress';
import { seriesAfter, seriesStartedBy, type SpiralSeries } from './spiral-series';

/**
 * One spiral as the local view keeps it (collection `spirals`, id = spiral id): its step, the series
 * its SPC chart is drawn from when read (chartOf: a read never replays the stream), and its
 * recorded gains.
 */
export type SpiralView = SpiralProgress & {
  readonly id: string;
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
  readonly title: string;
  readonly measure: Measure;
  readonly series: SpiralSeries;
  /** The gains recorded and not withdrawn: what the chart shows. */
  readonly recordedGains: readonly RecordedGain[];
  /** Gains the chart stopped showing, each with what undid it; absent before the first (documents from before GainWithdrawn). */
  readonly withdrawnGains?: readonly (GainWithdrawnData & { readonly occurredAt: string })[];
  readonly revisions: SourceRevisions;
};

export const SPIRALS = 'spirals';

/** The spiral's id: every event of a spiral's stream names it. */
export function spiralIdOf(event: LocalEvent): string | undefined {
  return 'spiralId' in event.data ? event.data.spiralId : undefined;
}

function recognised(event: Extract<LocalEvent, { type: 'NeedRecognised' }>): SpiralView {
  const { spiralId, teamId, orgCode, shaCode, title, measure } = event.data;
  const series = seriesStartedBy(event);
  return { id: spiralId, teamId, orgCode, shaCode, title, measure, ...newSpiralProgress, series, recordedGains: [], revisions: {} };
}

export function spiralViewAfter(current: SpiralView | undefined, event: LocalEvent, occurredAt: string): SpiralView | undefined {
  if (event.type === 'NeedRecognised') return current ?? recognised(event);
  // Every other event follows NeedRecognised in its stream; one on its own changes nothing.
  if (current === undefined) return undefined;
  const next = progressAfter(current, event, occurredAt);
  const series = seriesAfter(current.series, event, occurredAt) ?? current.series;
  const gain = gainOf(event, occurredAt);
  const recordedGains = gainsWithdrawn(current.recordedGains, event) ?? (gain === undefined ? current.recordedGains : [...current.recordedGains, gain]);
  if (event.type !== 'GainWithdrawn') return { ...next, series, recordedGains };
  const withdrawal = { ...event.data, occurredAt };
  return { ...next, series, recordedGains, withdrawnGains: [...(current.withdrawnGains ?? []), withdrawal] };
}

export const spiralViewProjection: Projection = {
  name: 'local-spiral-view',
  // v2: the chart is drawn when read, from the stored series. Drawn on every point, it took a
  // seventh of a rebuild's CPU and three quarters of the stored document (default seed).
  version: 2,
  collections: [SPIRALS],
  eventTypes: localEventTypes(
    'NeedRecognised',
    'KnowledgePulled',
    'OptionsAppraised',
    'OptionAdopted',
    'MeasurementRecorded',
    'RebaseConfirmed',
    'GainAchieved',
    'GainSustained',
    'GainLost',
    'GainWithdrawn',
    'SpiralClosed',
  ),
  async apply(envelope, views) {
    const event = localEventOf(envelope);
    const spiralId = spiralIdOf(event);
    if (spiralId === undefined) return;
    await updateDocument<SpiralView>(views, SPIRALS, spiralId, envelope, (current) => spiralViewAfter(current, event, envelope.occurredAt));
  },
};
