import 'reflect-metadata';
import { relayConfigFrom, relayEngines, RelayModule, runProcess, startProcess } from '@spiral/distributed-system';

// The event store's global order to Kafka, at least once, its checkpoint in MongoDB; /api/v1/health on PORT.
runProcess('relay', async () => {
  const config = relayConfigFrom(process.env);
  await startProcess('relay', RelayModule.forRoot({ name: config.name, engines: relayEngines(config), logLevel: config.logLevel }), config);
});
