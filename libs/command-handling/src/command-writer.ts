import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@spiral/decider';
import type { DomainEvent, EventEnvelope } from '@spiral/event-catalogue';
import { CLOCK, EVENT_STORE, type Clock, type EventStore } from '@spiral/ports';
import type { CommandEnvelope, CommandResult } from './command-envelope';
import { foldHistory, handleCommand } from './handle-command';

export interface LoadedAggregate<TState> {
  readonly state: TState;
  /** -1 when the stream does not exist. */
  readonly revision: number;
  readonly events: readonly EventEnvelope[];
}

/**
 * What every command handler needs from the event store, injected once: run the write path for
 * an aggregate, or load another aggregate's current state to hand its facts to a decision.
 */
@Injectable()
export class CommandWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute<TCommand, TEvent extends DomainEvent, TState>(
    decider: Decider<TCommand, TEvent, TState>,
    streamId: string,
    envelope: CommandEnvelope<TCommand>,
  ): Promise<CommandResult> {
    return handleCommand(this.store, this.clock, decider, streamId, envelope);
  }

  async load<TEvent extends DomainEvent, TState>(
    decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<LoadedAggregate<TState>> {
    const events = await this.store.readStream(streamId);
    return { state: foldHistory(decider, events), revision: events.length - 1, events };
  }
}
