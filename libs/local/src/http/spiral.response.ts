import { streamIds, type AppraisedOption, type EventEnvelope, type Measure, type SpiralOutcome, type SpiralStep, type Trigger } from '@spiral/event-catalogue';
import type { SpcChart } from '@spiral/spc';
import type { RecognisedSpiral, SpiralAdoption } from '../domain/spiral/spiral.state';
import type { RecordedGain } from '../projections/spiral-progress';
import { chartOf } from '../projections/spiral-series';
import type { SpiralView } from '../projections/spiral-view.projection';
import { measurementsOf } from './record/measurements';
import { pageOf, type Page, type RecordPageQuery } from './record/record-page';
import { spiralRecordOf, type AdoptionEntry, type AssessmentEntry, type ClosingEntry, type CycleEntry, type KnowledgeEntry, type SupportEntry } from './record/spiral-record';
import { historyOf, type HistoryEntry } from './stream-history';

/**
 * What the team said at each step (SPEC "HTTP API": the whole record), beside the summary fields
 * above it. Long lists come as their first page; GET /spirals/:id/record/:list pages on.
 */
export interface SpiralRecordResponse {
  readonly knowledge: Page<KnowledgeEntry>;
  readonly adoption: AdoptionEntry | null;
  readonly support: Page<SupportEntry>;
  readonly cycles: Page<CycleEntry>;
  readonly assessments: Page<AssessmentEntry>;
  readonly closing: ClosingEntry | null;
}

/**
 * The SPC chart of SPEC "HTTP API" (points with moving range and type, centre line, limits, trial,
 * signals with rule, periods and kind), with what MDC adds (near limits, groups, assurance, a
 * suggested rebase) and the spiral revision of the stored series it is drawn from.
 */
export type SpiralChartResponse = SpcChart & { readonly asOfRevision: number };

/**
 * GET /spirals/:id: the spiral as its stream stands; `revision` is for If-Match. `chart` and `gains`
 * are read from the spiral view: null and empty until the view has the spiral's points and gains.
 */
export interface SpiralResponse {
  readonly id: string;
  readonly revision: number;
  readonly step: SpiralStep;
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
  readonly options: readonly AppraisedOption[];
  /** Null until an option is adopted. */
  readonly adoption: SpiralAdoption | null;
  /** How many change cycles were completed. */
  readonly cycles: number;
  /** Every point, in period order. */
  readonly measurements: readonly { readonly period: string; readonly value: number }[];
  /** SPEC shape `{kind, rule, periods}` and when the gain was recorded as happening. */
  readonly gains: readonly RecordedGain[];
  readonly chart: SpiralChartResponse | null;
  /** Why the chart could not be drawn, when the SPC library refused the series. */
  readonly chartProblem?: string;
  /** Set once the spiral is closed. */
  readonly outcome?: SpiralOutcome;
  readonly history: readonly HistoryEntry[];
  readonly record: SpiralRecordResponse;
}

function recordResponse(events: readonly EventEnvelope[], query: RecordPageQuery): SpiralRecordResponse {
  const { knowledge, adoption, support, cycles, assessments, closing } = spiralRecordOf(events);
  const first = <T extends { readonly revision: number }>(items: readonly T[]) => pageOf(items, (item) => item.revision, { ...query, cursor: undefined });
  return { knowledge: first(knowledge), adoption, support: first(support), cycles: first(cycles), assessments: first(assessments), closing };
}

export function spiralResponse(spiral: RecognisedSpiral, events: readonly EventEnvelope[], view: SpiralView | undefined, query: RecordPageQuery = {}): SpiralResponse {
  const { spiralId, step, teamId, orgCode, shaCode, title, measure, baseline, target, trigger, gap, parentSpiralId } = spiral;
  const { chart, chartProblem } = view === undefined ? { chart: null, chartProblem: null } : chartOf(view.series);
  return {
    id: spiralId,
    revision: events.length - 1,
    step,
    teamId,
    orgCode,
    shaCode,
    title,
    measure,
    baseline,
    target,
    trigger,
    gap,
    ...(parentSpiralId === undefined ? {} : { parentSpiralId }),
    options: spiral.options,
    adoption: spiral.adoption ?? null,
    cycles: spiral.cycleCount,
    measurements: measurementsOf(events),
    gains: view?.recordedGains ?? [],
    chart: chart && view ? { ...chart, asOfRevision: view.revisions[streamIds.spiral(spiralId)] ?? 0 } : null,
    ...(chartProblem ? { chartProblem } : {}),
    ...(spiral.outcome === undefined ? {} : { outcome: spiral.outcome }),
    history: historyOf(events),
    record: recordResponse(events, query),
  };
}
