import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter, PublishedFactsReader, type CommandEnvelope } from '@spiral/command-handling';
import { streamIds } from '@spiral/event-catalogue';
import { TRIAL_BELOW_POINTS } from '@spiral/spc';
import type { AdoptOption, ConfirmRebase, KnownSpiral, RecogniseNeed, SpiralCommand } from '../domain/spiral/spiral.commands';
import { spiralDecider } from '../domain/spiral/spiral.decider';
import { chartOf, seriesOf } from '../projections/spiral-series';

/** A command for one spiral's stream. */
export class ExecuteSpiralCommand extends AggregateCommand<SpiralCommand> {}

/**
 * Loads what a spiral decision needs from other streams and hands it to the pure decider: the team
 * and parent spiral for a new need, the catalogue practice for an adoption. The decider checks them.
 */
@CommandHandler(ExecuteSpiralCommand)
export class SpiralCommandHandler implements ICommandHandler<ExecuteSpiralCommand> {
  constructor(
    private readonly writer: CommandWriter,
    private readonly facts: PublishedFactsReader,
  ) {}

  async execute({ aggregateId, envelope }: ExecuteSpiralCommand) {
    const command = await this.withFacts(aggregateId, envelope);
    return this.writer.execute(spiralDecider, streamIds.spiral(aggregateId), { ...envelope, command });
  }

  /** Two commands need another stream's facts, a rebase its own chart; every other one goes to the decider as sent. */
  private withFacts(spiralId: string, envelope: CommandEnvelope<SpiralCommand>): Promise<SpiralCommand> {
    const { command } = envelope;
    if (command.type === 'RecogniseNeed') return this.withTeamAndParent(command);
    if (command.type === 'AdoptOption') return this.withPractice(spiralId, command, envelope.occurredAt);
    if (command.type === 'ConfirmRebase') return this.withChart(spiralId, command);
    return Promise.resolve(command);
  }

  /** The rebase the spiral's chart suggests now, drawn from its stream as the spiral view draws it. */
  private async withChart(spiralId: string, command: ConfirmRebase): Promise<ConfirmRebase> {
    const { events } = await this.writer.load(spiralDecider, streamIds.spiral(spiralId));
    const series = seriesOf(events);
    const chart = series === undefined ? null : chartOf(series).chart;
    // A run chart has no limits to rebase: it suggests none.
    const suggested = chart?.kind === 'xmr' ? (chart.suggestedRebase?.fromPeriod ?? null) : null;
    return { ...command, chart: { suggestedFromPeriod: suggested, pointsForLimits: TRIAL_BELOW_POINTS } };
  }

  private async withTeamAndParent(command: RecogniseNeed): Promise<RecogniseNeed> {
    // The team is another aggregate: read through its published facts, as any context would.
    const team = await this.facts.team(command.teamId);
    const parentSpiral = command.parentSpiralId === undefined ? undefined : await this.knownSpiral(command.parentSpiralId);
    return { ...command, team, parentSpiral };
  }

  private async knownSpiral(spiralId: string): Promise<KnownSpiral | undefined> {
    const { state } = await this.writer.load(spiralDecider, streamIds.spiral(spiralId));
    return state.status === 'recognised' ? { spiralId: state.spiralId, orgCode: state.orgCode } : undefined;
  }

  /**
   * The practice the appraised option applies, as the catalogue stood when the decision was taken
   * (its occurredAt, for history entered late). An option without a practice needs nothing loaded.
   */
  private async withPractice(spiralId: string, command: AdoptOption, occurredAt: string | undefined): Promise<AdoptOption> {
    const { state } = await this.writer.load(spiralDecider, streamIds.spiral(spiralId));
    const option = state.status === 'recognised' ? state.options.find(({ optionId }) => optionId === command.optionId) : undefined;
    if (option?.practiceId === undefined) return command;
    const practice = await this.facts.practice(option.practiceId, occurredAt);
    return { ...command, practice };
  }
}
