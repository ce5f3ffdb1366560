import { SpiralClosed, SustainabilityAssessed, type EventEnvelope } from '@spiral/event-catalogue';
import { EnvelopeBuilder } from '@spiral/projections/testing';
import { localHistory, monthOf } from '../projections/local-history.test-fixtures';
import { gainCommands, SPC_ACTOR } from './gain-commands';

/** spiral-1 of the shared history as its stream, without the gains recorded there. */
const history = localHistory();
const stream = history.filter((event) => event.streamId === 'spiral-spiral-1' && !event.type.startsWith('Gain'));
const pointOf = (events: readonly EventEnvelope[], period: string) =>
  events.find((event) => event.type === 'MeasurementRecorded' && (event.data as { period: string }).period === period);

describe('the gain commands a spiral stream calls for', () => {
  it('asks for each fact the chart shows and the stream lacks, in order, as the SPC system actor', () => {
    const commands = gainCommands('spiral-1', stream);
    expect(commands.map(({ aggregateId, envelope }) => ({ aggregateId, type: envelope.command.type, key: envelope.idempotencyKey, actor: envelope.actor }))).toEqual([
      { aggregateId: 'spiral-1', type: 'RecordGainAchieved', key: `gain:achieved:spiral-1:${monthOf(12)}`, actor: SPC_ACTOR },
      { aggregateId: 'spiral-1', type: 'RecordGainSustained', key: `gain:sustained:spiral-1:${monthOf(19)}`, actor: SPC_ACTOR },
    ]);
  });

  it('cites as cause the point that fired each fact and carries its correlation on', () => {
    const [achieved, sustained] = gainCommands('spiral-1', stream);
    const seventh = pointOf(stream, monthOf(18));
    expect(achieved?.envelope).toMatchObject({ causationId: seventh?.eventId, correlationId: seventh?.correlationId });
    expect(sustained?.envelope.causationId).toBe(pointOf(stream, monthOf(30))?.eventId);
  });

  it('dates a gain when its cause happened, or at the stream\'s last fact when that is later', () => {
    const upToCause = stream.slice(0, stream.indexOf(pointOf(stream, monthOf(18))!) + 1);
    expect(gainCommands('spiral-1', upToCause).map(({ envelope }) => envelope.occurredAt)).toEqual([upToCause.at(-1)?.occurredAt]);
    const assessedLater = new EnvelopeBuilder().append(
      'spiral-spiral-1',
      SustainabilityAssessed.create({ spiralId: 'spiral-1', assessedBy: 'ward sister', factors: { seniorLeadership: 'a' } }),
      { occurredAt: '2007-01-10T09:00:00.000Z' },
    );
    const dates = gainCommands('spiral-1', [...stream, assessedLater]).map(({ envelope }) => envelope.occurredAt);
    expect(dates).toEqual(['2007-01-10T09:00:00.000Z', '2007-01-10T09:00:00.000Z']);
  });

  it('asks nothing for facts already recorded, nor of a closed spiral', () => {
    const recorded = history.filter((event) => event.streamId === 'spiral-spiral-1');
    expect(gainCommands('spiral-1', recorded)).toEqual([]);
    const closed = new EnvelopeBuilder().append('spiral-spiral-1', SpiralClosed.create({ spiralId: 'spiral-1', outcome: 'abandoned', learning: 'Moved on.' }));
    expect(gainCommands('spiral-1', [...stream, closed])).toEqual([]);
  });
});
