import { eventCatalogue, ROLES, type BoundedContext, type EventDefinition } from '@spiral/event-catalogue';
// class-transformer keeps @Type() metadata here; without it nested payload classes have no schema.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { HEADER_FIELDS } from '../kafka-envelope-codec';
import { KafkaTopics } from '../kafka-topics';
import { KAFKA_FEED_DEFAULTS } from '../kafka-feed-settings';

const SCHEMAS = '#/components/schemas/';
const SCHEMA_OPTIONS = { refPointerPrefix: SCHEMAS, classTransformerMetadataStorage: defaultMetadataStorage };
const CONTEXTS: readonly BoundedContext[] = ['local', 'regional', 'national'];

/**
 * The published language for other services as an AsyncAPI 3 document, computed from the event
 * catalogue (types, contexts, schema versions, the class-validator rules of each payload) and from
 * this adapter's own mapping (topics, key, headers, envelope), so it cannot drift from either:
 * `npm run asyncapi` writes it to docs/asyncapi.yaml, and a unit test fails when that file differs.
 */
export function asyncApiDocument(topicPrefix: string = KAFKA_FEED_DEFAULTS.topicPrefix): object {
  const topics = new KafkaTopics(topicPrefix);
  const payloadSchemas = reachableSchemas(eventCatalogue.map((definition) => definition.payload));
  const channels = Object.fromEntries(
    CONTEXTS.map((context) => [
      context,
      {
        address: topics.ofContext(context),
        title: `${context} events`,
        description: `Every event of the ${context} context, keyed by stream id (one stream stays in one partition, in order). ${KAFKA_FEED_DEFAULTS.partitions} partitions by default; a consumer that fails on one event ten times parks it on ${topics.deadLetterOf(topics.ofContext(context))}.`,
        messages: Object.fromEntries(eventsOf(context).map((definition) => [definition.type, { $ref: `#/components/messages/${definition.type}` }])),
      },
    ]),
  );
  const operations = Object.fromEntries(
    CONTEXTS.flatMap((context) => [
      [`publish-${context}`, operation('send', context, 'The relay publishes each stored event once it is committed, in global order, at least once.')],
      [`consume-${context}`, operation('receive', context, 'Projectors and process managers consume in consumer groups; deliveries may repeat, so handlers are idempotent by event id.')],
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Spiral events',
      version: '1.0.0',
      description:
        'The facts Spiral records, as the relay publishes them to Kafka: one topic per bounded context, the whole event envelope as a JSON value, the stream id as the key, envelope fields copied into headers. Generated from the event catalogue (@spiral/event-catalogue) by `npm run asyncapi`; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: { development: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm run infra:up` starts (KAFKA_BROKERS).' } },
    channels,
    operations,
    components: {
      messages: Object.fromEntries(eventCatalogue.map((definition) => [definition.type, message(definition)])),
      schemas: { EventHeaders: headersSchema(), Actor: actorSchema(), ...payloadSchemas },
    },
  };
}

function eventsOf(context: BoundedContext): EventDefinition[] {
  return eventCatalogue.filter((definition) => definition.context === context);
}

function operation(action: 'send' | 'receive', context: BoundedContext, description: string): object {
  return {
    action,
    channel: { $ref: `#/channels/${context}` },
    description,
    messages: eventsOf(context).map((definition) => ({ $ref: `#/channels/${context}/messages/${definition.type}` })),
  };
}

function message(definition: EventDefinition): object {
  return {
    name: definition.type,
    title: definition.type,
    summary: `${definition.type}, schema version ${definition.schemaVersion}, of the ${definition.context} context.`,
    contentType: 'application/json',
    headers: { $ref: `${SCHEMAS}EventHeaders` },
    payload: envelopeSchema(definition),
    bindings: { kafka: { key: { type: 'string', description: 'The stream id (e.g. spiral-<uuid>): all events of a stream share a partition.' }, bindingVersion: '0.5.0' } },
  };
}

/** The message value: the stored envelope, with this event's type, version and payload. */
function envelopeSchema(definition: EventDefinition): object {
  const text = { type: 'string' };
  return {
    type: 'object',
    required: ['eventId', 'type', 'schemaVersion', 'data', 'occurredAt', 'actor', 'correlationId', 'causationId', 'streamId', 'streamRevision', 'globalPosition', 'recordedAt', 'previousHash', 'hash'],
    properties: {
      eventId: { ...text, description: 'Unique; a redelivered event carries the same id.' },
      type: { type: 'string', const: definition.type },
      schemaVersion: { type: 'integer', const: definition.schemaVersion, description: 'Older versions are upcast before publishing again; consumers of this document see this version.' },
      data: { $ref: `${SCHEMAS}${definition.payload.name}` },
      occurredAt: { ...text, format: 'date-time', description: 'When it happened in the health service.' },
      actor: { $ref: `${SCHEMAS}Actor` },
      correlationId: text,
      causationId: text,
      streamId: { ...text, description: 'Also the message key.' },
      streamRevision: { type: 'integer', minimum: 0, description: 'Position within the stream, from 0, without gaps.' },
      globalPosition: { type: 'integer', minimum: 1, description: 'Position in the whole store, increasing in commit order.' },
      recordedAt: { ...text, format: 'date-time', description: 'When Spiral stored it.' },
      previousHash: { type: ['string', 'null'], description: "The hash of the stream's previous event; null for its first." },
      hash: { ...text, description: 'SHA-256 over the canonical JSON (RFC 8785) of the event and previousHash, globalPosition excluded.' },
    },
  };
}

function headersSchema(): object {
  return {
    type: 'object',
    description: 'Envelope fields copied into Kafka headers as strings, so tools route without parsing the value.',
    properties: Object.fromEntries(HEADER_FIELDS.map((field) => [field, { type: 'string' }])),
  };
}

function actorSchema(): object {
  return {
    type: 'object',
    description: 'Who recorded the fact.',
    required: ['id', 'role', 'org', 'region'],
    properties: {
      id: { type: 'string' },
      role: { type: 'string', enum: [...ROLES] },
      org: { type: ['string', 'null'], description: 'Organisation code (a trust).' },
      region: { type: ['string', 'null'], description: "SHA code of the actor's region; null for national users." },
    },
  };
}

/**
 * The payload classes' JSON schemas, each computed from its constructor (a payload may only extend
 * a value class, with no rules of its own), and every class they reference.
 */
function reachableSchemas(payloads: readonly (new () => object)[]): Record<string, object> {
  const all = validationMetadatasToSchemas(SCHEMA_OPTIONS) as Record<string, object>;
  const chosen: Record<string, object> = Object.fromEntries(payloads.map((payload) => [payload.name, targetConstructorToSchema(payload, SCHEMA_OPTIONS) as object]));
  const pending = Object.values(chosen).flatMap(referencedNames);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (chosen[name] !== undefined) continue;
    const schema = all[name];
    if (schema === undefined) throw new Error(`no class-validator rules found for ${name}: its schema cannot be published`);
    chosen[name] = schema;
    pending.push(...referencedNames(schema));
  }
  return Object.fromEntries(Object.entries(chosen).sort(([a], [b]) => a.localeCompare(b)));
}

function referencedNames(schema: object): string[] {
  return [...JSON.stringify(schema).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1] as string);
}
