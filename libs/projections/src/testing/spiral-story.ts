import {
  ChangeCycleCompleted,
  GainAchieved,
  GainLost,
  GainSustained,
  GainWithdrawn,
  KnowledgePulled,
  MeasurementRecorded,
  NeedRecognised,
  OptionAdopted,
  OptionsAppraised,
  SpiralClosed,
  SustainabilityAssessed,
  streamIds,
  type DomainEvent,
  type CycleDecision,
  type GainStanding,
  type SpiralOutcome,
  type SustainabilityLevel,
  type WithdrawnGainKind,
} from '@spiral/event-catalogue';

export interface TeamRef {
  readonly teamId: string;
  readonly orgCode: string;
  readonly shaCode: string;
}

interface FactSink {
  add(streamId: string, event: DomainEvent, at: string): unknown;
}

/** One spiral's facts, step by step, each at the time given. */
export class SpiralStory {
  private readonly stream: string;
  private practiceId: string | undefined;

  constructor(
    private readonly history: FactSink,
    readonly spiralId: string,
    readonly team: TeamRef,
    private readonly baseline: number,
  ) {
    this.stream = streamIds.spiral(spiralId);
  }

  private add(event: DomainEvent, at: string): this {
    this.history.add(this.stream, event, at);
    return this;
  }

  recognise(at: string): this {
    const { teamId, orgCode, shaCode } = this.team;
    const measure = { name: 'Door-to-needle time', unit: 'minutes', improvement: 'decrease' as const };
    const data = { spiralId: this.spiralId, teamId, orgCode, shaCode, title: 'Faster thrombolysis', measure, baseline: this.baseline, target: 45, trigger: { kind: 'patientVoice' as const }, gap: 'Too slow.' };
    return this.add(NeedRecognised.create(data), at);
  }

  pull(at: string): this {
    return this.add(KnowledgePulled.create({ spiralId: this.spiralId, practiceIds: [], peerSpiralIds: [], sources: ['A guideline'], question: 'How?' }), at);
  }

  appraise(at: string, practiceId?: string): this {
    this.practiceId = practiceId;
    const option = { optionId: 'chosen', summary: 'The option.', ...(practiceId ? { practiceId } : {}) };
    return this.add(OptionsAppraised.create({ spiralId: this.spiralId, options: [option] }), at);
  }

  /** Knowledge, options and adoption on one day: the steps to the change, for stories that start there. */
  adopt(at: string, practiceId?: string): this {
    if (this.practiceId === undefined && practiceId !== undefined) this.pull(at).appraise(at, practiceId);
    const practice = this.practiceId ? { practiceId: this.practiceId, practiceVersion: 1 } : {};
    const data = { spiralId: this.spiralId, optionId: 'chosen', ...practice, rationale: 'Fits.', decidedBy: ['ward manager'], stakeholders: [], patientPerspective: 'Less waiting.' };
    return this.add(OptionAdopted.create(data), at);
  }

  /** Points recorded together at `at`. */
  measure(at: string, points: readonly (readonly [period: string, value: number])[]): this {
    for (const [period, value] of points) this.add(MeasurementRecorded.create({ spiralId: this.spiralId, period, value }), at);
    return this;
  }

  /** The spiral's cycle number `cycleNumber`, ending in `decision`. */
  cycle(cycleNumber: number, decision: CycleDecision, at: string): this {
    const data = { spiralId: this.spiralId, cycleNumber, plan: 'Plan.', prediction: 'Faster.', observed: 'Faster.', learning: 'Learned.', decision };
    return this.add(ChangeCycleCompleted.create(data), at);
  }

  /** An assessment rating two of the model's factors at `level`. */
  assess(assessedBy: string, level: SustainabilityLevel, at: string): this {
    const factors = { seniorLeadership: level, clinicalLeadership: level };
    return this.add(SustainabilityAssessed.create({ spiralId: this.spiralId, assessedBy, factors }), at);
  }

  gain(kind: 'achieved' | 'sustained' | 'lost', at: string, periods: string[] = [at.slice(0, 10)]): this {
    const definition = { achieved: GainAchieved, sustained: GainSustained, lost: GainLost }[kind];
    const rule = kind === 'sustained' ? 'sustained12' : 'shift';
    return this.add(definition.create({ spiralId: this.spiralId, rule, periods }), at);
  }

  /** Takes back the latest gain fact, of kind `kind`, undone by a point of `at`'s day entered late; `standing` is what is left. */
  withdraw(kind: WithdrawnGainKind, at: string, standing: GainStanding): this {
    const rule = kind === 'sustained' ? ('sustained12' as const) : ('shift' as const);
    const data = { spiralId: this.spiralId, rule, periods: [at.slice(0, 10)], withdrawn: kind, undoneBy: 'MeasurementRecorded' as const, undoingPeriod: at.slice(0, 10), standing };
    return this.add(GainWithdrawn.create(data), at);
  }

  close(at: string, outcome: SpiralOutcome = 'sustained'): this {
    return this.add(SpiralClosed.create({ spiralId: this.spiralId, outcome, learning: 'Learned.' }), at);
  }
}
