/** The brokers of KAFKA_BROKERS (comma-separated), else the one infra:up starts. */
export function kafkaBrokers(): string[] {
  return (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
}
