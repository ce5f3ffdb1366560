import { SqliteEventStore, SqliteViewStore } from '@spiral/adapters-embedded';
import { handleCommand } from '@spiral/command-handling';
import {
  KnowledgePulled,
  MeasurementRecorded,
  NeedRecognised,
  OptionAdopted,
  OptionsAppraised,
  streamIds,
  type Actor,
  type DomainEvent,
  type EventEnvelope,
} from '@spiral/event-catalogue';
import { GainsProcessManager, spiralDecider, type SendSpiralCommand } from '@spiral/local';
import type { Clock, EventFeed } from '@spiral/ports';
import { ADOPTED_AT, BASELINE, monthOf } from './dated-spirals';

const team: Actor = { id: 'local-RX1', role: 'local', org: 'RX1', region: 'Q01' };
const clock: Clock = { now: () => '2007-06-01T00:00:00.000Z' };

/**
 * A real embedded event store in memory with spiral histories written straight to it, and gains
 * process managers over it, each with a fresh checkpoint. Commands take the spiral's write path
 * (handleCommand with the spiral decider), as SpiralCommandHandler does for gains, which need no
 * other stream's facts.
 */
export class GainsWorld {
  private constructor(readonly store: SqliteEventStore) {}

  static async open(): Promise<GainsWorld> {
    return new GainsWorld(await SqliteEventStore.openFile(':memory:'));
  }

  /** Appends one fact as the team, with its own correlation id so a test can follow it into the gain. */
  async append(spiralId: string, event: DomainEvent, occurredAt: string, correlationId = `corr-${spiralId}`): Promise<EventEnvelope> {
    const streamId = streamIds.spiral(spiralId);
    const revision = (await this.store.readStream(streamId)).length;
    const pending = { eventId: `${streamId}-${revision}`, type: event.type, schemaVersion: 1, data: event.data, occurredAt, actor: team, correlationId, causationId: correlationId };
    const { events } = await this.store.append(streamId, [pending], revision === 0 ? 'no_stream' : revision - 1);
    return events[0]!;
  }

  /** A spiral of RX1 on an increasing measure: 12 baseline points in 2004, adopted mid-December. */
  async adoptedSpiral(spiralId: string): Promise<void> {
    const day = (date: string) => `${date}T09:00:00.000Z`;
    const need = NeedRecognised.create({
      ...{ spiralId, teamId: 'team-1', orgCode: 'RX1', shaCode: 'Q01', title: 'Seen within the hour', baseline: 50, target: 55 },
      ...{ measure: { name: 'Seen within the hour', unit: 'percent', improvement: 'increase' }, trigger: { kind: 'localAnalysis' }, gap: 'Too slow.' },
    });
    await this.append(spiralId, need, day('2004-01-05'));
    await this.append(spiralId, KnowledgePulled.create({ spiralId, practiceIds: [], peerSpiralIds: [], sources: ['a guideline'], question: 'How?' }), day('2004-01-06'));
    await this.append(spiralId, OptionsAppraised.create({ spiralId, options: [{ optionId: 'opt-1', summary: 'Nurse-led triage' }] }), day('2004-01-07'));
    for (const [k, value] of BASELINE.entries()) await this.append(spiralId, MeasurementRecorded.create({ spiralId, period: monthOf(k), value }), day(monthOf(k)));
    const adoption = OptionAdopted.create({ spiralId, optionId: 'opt-1', rationale: 'Fits.', decidedBy: ['ward manager'], stakeholders: [], patientPerspective: 'Asked for it.' });
    await this.append(spiralId, adoption, ADOPTED_AT);
  }

  /** Points after adoption from month `from` (12 = January 2005), each recorded on its own date with its own correlation id. */
  async measured(spiralId: string, values: readonly number[], from = 12): Promise<EventEnvelope[]> {
    const recorded: EventEnvelope[] = [];
    for (const [k, value] of values.entries()) {
      const period = monthOf(from + k);
      recorded.push(await this.append(spiralId, MeasurementRecorded.create({ spiralId, period, value }), `${period}T09:00:00.000Z`, `corr-${period}`));
    }
    return recorded;
  }

  /** A manager with its own fresh checkpoint; `send` may be wrapped to watch the commands. */
  async manager(logger: { warn: (message: unknown) => void } = { warn: () => undefined }, wrap: (send: SendSpiralCommand) => SendSpiralCommand = (send) => send): Promise<GainsProcessManager> {
    const send: SendSpiralCommand = (command) => handleCommand(this.store, clock, spiralDecider, streamIds.spiral(command.aggregateId), command.envelope);
    const views = await SqliteViewStore.openFile(':memory:');
    return new GainsProcessManager({ feed: {} as EventFeed, views, store: this.store }, wrap(send), logger);
  }

  async everything(): Promise<EventEnvelope[]> {
    const events: EventEnvelope[] = [];
    for await (const event of this.store.readAll()) events.push(event);
    return events;
  }

  /** Feeds the manager everything stored, its own gains included, until it adds nothing more. */
  async drain(manager: GainsProcessManager): Promise<void> {
    for (let head = -1; head !== (await this.store.headPosition()); ) {
      head = await this.store.headPosition();
      await manager.handle(await this.everything());
    }
  }

  async gainsOf(spiralId: string): Promise<EventEnvelope[]> {
    return (await this.store.readStream(streamIds.spiral(spiralId))).filter((event) => event.type.startsWith('Gain'));
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
