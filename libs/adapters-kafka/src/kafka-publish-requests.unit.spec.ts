import type { EventEnvelope } from '@spiral/event-catalogue';
import { MAX_REQUEST_BYTES, produceRequests } from './kafka-publish-requests';

/** An envelope whose JSON is about `bytes` long, on one of a few streams and two topics. */
function envelope(position: number, bytes: number): EventEnvelope {
  return {
    eventId: `event-${position}`,
    type: 'TeamRegistered',
    schemaVersion: 1,
    data: { padding: 'x'.repeat(bytes) },
    occurredAt: '2005-06-01T12:00:00.000Z',
    actor: { id: 'u', role: 'local', org: 'O', region: 'R' },
    correlationId: 'c',
    causationId: 'c',
    streamId: `stream-${position % 3}`,
    streamRevision: Math.floor(position / 3),
    globalPosition: position,
    recordedAt: '2005-06-01T12:00:00.000Z',
    previousHash: null,
    hash: 'h',
  };
}
const topicOf = (event: EventEnvelope) => `topic-${event.globalPosition % 2}`;
const positionsOf = (requests: ReturnType<typeof produceRequests>) =>
  requests.map((request) => request.flatMap(({ messages }) => messages.map((message) => (JSON.parse(String(message.value)) as EventEnvelope).globalPosition)));
const bytesOf = (request: ReturnType<typeof produceRequests>[number]) =>
  request.reduce((sum, { messages }) => sum + messages.reduce((inner, message) => inner + Buffer.byteLength(String(message.value)), 0), 0);

describe('produceRequests', () => {
  it('sends a batch under the limit as one request, every topic in it', () => {
    const requests = produceRequests(Array.from({ length: 10 }, (_, index) => envelope(index + 1, 100)), topicOf);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.map(({ topic }) => topic).sort()).toEqual(['topic-0', 'topic-1']);
  });

  it('splits a batch past the limit into requests under it, in publish order', () => {
    const events = Array.from({ length: 3_000 }, (_, index) => envelope(index + 1, 700));
    const requests = produceRequests(events, topicOf);
    expect(requests.length).toBeGreaterThan(2);
    for (const request of requests) expect(bytesOf(request)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    const positions = positionsOf(requests);
    expect(positions.flat().sort((a, b) => a - b)).toEqual(events.map((event) => event.globalPosition));
    // Every event of a request comes before every event of the next one, so a stream keeps its order.
    positions.slice(1).forEach((request, index) => expect(Math.min(...request)).toBeGreaterThan(Math.max(...(positions[index] as number[]))));
  });

  it('sends an event larger than the limit alone', () => {
    const requests = produceRequests([envelope(1, 10), envelope(2, MAX_REQUEST_BYTES + 1), envelope(3, 10)], topicOf);
    expect(positionsOf(requests)).toEqual([[1], [2], [3]]);
  });
});
