import 'reflect-metadata';
import { asyncApiDocument, yamlText } from '@spiral/adapters-kafka';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm run asyncapi`: writes docs/asyncapi.yaml, the Kafka topics and every event's payload as the
// event catalogue and the Kafka adapter define them (a unit test fails when the file is stale).
const file = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');
writeFileSync(file, yamlText(asyncApiDocument()));
console.log(`wrote ${file}`);
