import type { LogEntry } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log';

const entry = (namespace: string, message: string, error?: string): LogEntry =>
  ({ namespace, level: 1, label: 'ERROR', log: { timestamp: '', logger: 'kafkajs', message, ...(error === undefined ? {} : { error }) } });

describe('kafkaLogCreator', () => {
  const logged = (...entries: LogEntry[]) => {
    const lines: string[] = [];
    const log = kafkaLogCreator({ warn: (line) => lines.push(line) })(0);
    entries.forEach((each) => log(each));
    return lines;
  };

  it('leaves out the answers every rebalance gives, which kafkajs handles itself', () => {
    expect(
      logged(
        entry('Connection', 'Response Heartbeat(key: 12, version: 3)', 'The group is rebalancing, so a rejoin is needed'),
        entry('Connection', 'Response SyncGroup(key: 14, version: 3)', 'The group is rebalancing, so a rejoin is needed'),
        entry('Connection', 'Response CreateTopics(key: 19, version: 3)', 'Topic with this name already exists'),
        entry('Connection', 'Response CreateTopics(key: 19, version: 3)', 'Topic creation errors'),
        entry('Runner', 'The group is rebalancing, re-joining'),
      ),
    ).toEqual([]);
  });

  it('keeps every other warning, with the broker answer that explains it', () => {
    expect(logged(entry('Connection', 'Response Produce(key: 0, version: 7)', 'Not authorized to access topics'), entry('BrokerPool', 'Failed to connect to seed broker'))).toEqual([
      'kafkajs Connection: Response Produce(key: 0, version: 7): Not authorized to access topics',
      'kafkajs BrokerPool: Failed to connect to seed broker',
    ]);
  });
});
