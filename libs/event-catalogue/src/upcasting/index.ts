import { eventDefinitionOf } from '../catalogue';
import { fieldTestConcludedV1ToV2 } from './field-test-concluded.v1.upcaster';
import { UpcasterRegistry } from './upcaster-registry';
import type { VersionedEvent } from './upcaster';

export * from './upcaster';
export * from './upcaster-registry';
export * from './field-test-concluded.v1.upcaster';

/** Every upcaster of the catalogue, oldest step first per type. */
export const upcasters = [fieldTestConcludedV1ToV2] as const;

/** The catalogue's registry: current versions from the event definitions. */
export const catalogueUpcasters = new UpcasterRegistry(upcasters, (type) => eventDefinitionOf(type)?.schemaVersion);

/**
 * The one function every read path calls (event store adapters, the Kafka feed's decode) so that
 * the domain, projections and replays see only current versions. Auditors verifying hashes read
 * the stored form instead (`readAll({ asStored: true })`).
 */
export function upcastEvent<E extends VersionedEvent>(event: E): E {
  return catalogueUpcasters.upcast(event);
}
