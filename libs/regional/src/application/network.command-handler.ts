import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, CommandWriter, PublishedFactsReader } from '@spiral/command-handling';
import { NotFound } from '@spiral/decider';
import { streamIds } from '@spiral/event-catalogue';
import type { FormNetwork, JoinNetwork, NetworkCommand } from '../domain/network/network.commands';
import { networkDecider } from '../domain/network/network.decider';

/** A join names the region the caller addressed (`/regions/:sha/networks/:id`), checked here. */
export interface JoinNetworkInRegion extends Omit<JoinNetwork, 'team'> {
  readonly shaCode: string;
}

/** What a caller asks of a network; the handler adds the joining team's published facts. */
export type NetworkRequest = FormNetwork | JoinNetworkInRegion;

/** A command for one network's stream; the aggregate id is the network id. */
export class ExecuteNetworkCommand extends AggregateCommand<NetworkRequest> {}

@CommandHandler(ExecuteNetworkCommand)
export class NetworkCommandHandler implements ICommandHandler<ExecuteNetworkCommand> {
  constructor(
    private readonly writer: CommandWriter,
    private readonly facts: PublishedFactsReader,
  ) {}

  async execute({ aggregateId, envelope }: ExecuteNetworkCommand) {
    const streamId = streamIds.network(aggregateId);
    const command = envelope.command.type === 'FormNetwork' ? envelope.command : await this.joining(streamId, envelope.command);
    return this.writer.execute(networkDecider, streamId, { ...envelope, command });
  }

  private async joining(streamId: string, request: JoinNetworkInRegion): Promise<NetworkCommand> {
    const [network, team] = await Promise.all([this.writer.load(networkDecider, streamId), this.facts.team(request.teamId)]);
    // The network is addressed under its region; under another region's path it does not exist.
    if (network.state.status === 'formed' && network.state.shaCode !== request.shaCode) {
      throw new NotFound('network', `${request.networkId} of region ${request.shaCode}`);
    }
    return { type: 'JoinNetwork', networkId: request.networkId, teamId: request.teamId, team };
  }
}
