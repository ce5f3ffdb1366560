import type { PlannedCommand } from './planned-command';

/**
 * The spiral commands whose events enter its SPC series (`SERIES_EVENT_TYPES` in @spiral/local:
 * MeasurementRecorded, OptionAdopted, RebaseConfirmed). Only these can make a chart show a new gain,
 * so only after them does the seeder ask the gains process manager to settle the spiral: the other
 * spiral commands (most of them) would cost it one more read of the stream and find nothing.
 */
const CHART_COMMAND_TYPES: ReadonlySet<string> = new Set(['RecordMeasurements', 'AdoptOption', 'ConfirmRebase']);

export function mayMoveChart(planned: PlannedCommand): planned is Extract<PlannedCommand, { kind: 'spiral' }> {
  return planned.kind === 'spiral' && CHART_COMMAND_TYPES.has(planned.envelope.command.type);
}
