import type { EventStore } from '@spiral/ports';
import { parseAsOf } from '../as-of';
import type { IsolatedCopies } from '../isolated-copies';
import { compareEvaluations, type EvaluationComparison } from './compare-evaluations';
import { evaluateMoments } from './evaluate-moments';
import type { Evaluation } from './evaluation';

/** What to evaluate: one moment, one moment compared with another, or a period (its two ends compared). */
export interface EvaluationRequest {
  readonly asOf?: string;
  readonly compare?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface EvaluationAnswer {
  /** As of `asOf` (or of the period's end). */
  readonly evaluation: Evaluation;
  /** With `compare`: the other moment; with a period: its start. */
  readonly other: Evaluation | null;
  /** `compare` (or the period's start) to `asOf` (or the period's end). */
  readonly comparison: EvaluationComparison | null;
  /** With a period: its two ends. */
  readonly period: { readonly from: string; readonly to: string } | null;
}

/** An evaluation asked for wrongly: `field` is the query parameter at fault (the one a 400 names). */
export class InvalidEvaluationRequest extends Error {
  constructor(
    readonly field: keyof EvaluationRequest,
    reason: string,
  ) {
    super(reason);
  }
}

/** Both moments judged on the same views, folded once from one read of the history (evaluateMoments); `copies` says where those views live. */
export async function evaluate(store: EventStore, copies: IsolatedCopies, raw: EvaluationRequest, now: string, progress?: (done: number, total: number) => void): Promise<EvaluationAnswer> {
  const { start, end, period } = checkEvaluationRequest(raw, now);
  // Both moments from one read of the history.
  const [evaluation, other] = await evaluateMoments(store, copies, start === undefined ? [end] : [end, start], progress);
  return {
    evaluation: evaluation as Evaluation,
    other: other ?? null,
    comparison: other === undefined ? null : compareEvaluations(other, evaluation as Evaluation),
    period: period ? { from: start as string, to: end } : null,
  };
}

/** The moments an evaluation compares, or InvalidEvaluationRequest: checked before any work is queued. */
export function checkEvaluationRequest(raw: EvaluationRequest, now: string): { readonly start: string | undefined; readonly end: string; readonly period: boolean } {
  const request = normalised(raw);
  const period = request.from !== undefined || request.to !== undefined;
  if (period && (request.from === undefined || request.to === undefined)) throw new InvalidEvaluationRequest(request.from === undefined ? 'from' : 'to', 'a period needs both from and to');
  if (period && (request.asOf !== undefined || request.compare !== undefined)) throw new InvalidEvaluationRequest(request.asOf === undefined ? 'compare' : 'asOf', 'give a period (from, to) or moments (asOf, compare), not both');
  const [start, end] = period ? [request.from as string, request.to as string] : [request.compare, request.asOf ?? now];
  if (start !== undefined && Date.parse(start) > Date.parse(end) && period) throw new InvalidEvaluationRequest('from', 'from must not be after to');
  return { start, end, period };
}

/** Evaluations are by time (occurredAt); a bare date is the end of that day, as for replays. */
function normalised(request: EvaluationRequest): EvaluationRequest {
  const moment = (field: keyof EvaluationRequest): Partial<EvaluationRequest> => {
    const text = request[field];
    if (text === undefined) return {};
    let asOf;
    try {
      asOf = parseAsOf(text);
    } catch (error) {
      throw new InvalidEvaluationRequest(field, `${field}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (asOf.kind !== 'time') throw new InvalidEvaluationRequest(field, `${field}: an evaluation is as of a time, not a position`);
    return { [field]: asOf.at };
  };
  return { ...moment('asOf'), ...moment('compare'), ...moment('from'), ...moment('to') };
}
