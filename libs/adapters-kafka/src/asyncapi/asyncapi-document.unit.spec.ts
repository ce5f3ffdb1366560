import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { eventCatalogue } from '@spiral/event-catalogue';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi-document';
import { yamlText } from './yaml-text';

const PUBLISHED = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

describe('the published AsyncAPI document (docs/asyncapi.yaml)', () => {
  const published = readFileSync(PUBLISHED, 'utf8');

  it('is what the catalogue and the Kafka adapter generate now (run npm run asyncapi when this fails)', () => {
    expect(published).toBe(yamlText(asyncApiDocument()));
  });

  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(published);
    expect(diagnostics.filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error)).map((diagnostic) => diagnostic.message)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  }, 30_000);

  it('describes every catalogue event on its context topic, keyed by stream, with its payload schema', async () => {
    const { document } = await new Parser().parse(published);
    const channels = document?.channels();
    for (const definition of eventCatalogue) {
      const channel = channels?.get(definition.context);
      expect(channel?.address()).toBe(`spiral.${definition.context}`);
      const message = channel?.messages().get(definition.type);
      expect({ type: definition.type, found: message !== undefined }).toEqual({ type: definition.type, found: true });
      const envelope = message?.payload()?.properties() ?? {};
      expect(envelope['type']?.const()).toBe(definition.type);
      expect(envelope['schemaVersion']?.const()).toBe(definition.schemaVersion);
      expect(Object.keys(envelope['data']?.properties() ?? {}).length).toBeGreaterThan(0);
    }
    expect(document?.allMessages().length).toBe(eventCatalogue.length);
  }, 30_000);
});
