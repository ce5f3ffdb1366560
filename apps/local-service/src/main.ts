import 'reflect-metadata';
import { LEVELS, LevelServiceModule, runProcess, serviceConfigFrom, serviceEngines, startProcess } from '@spiral/distributed-system';

// The local level's HTTP API as its own process, on the event store of EVENT_STORE_URL (PostgreSQL or KurrentDB), with views read from MongoDB.
runProcess('local-service', async () => {
  const config = serviceConfigFrom(process.env, { consumesFeed: LEVELS.local.consumesFeed, name: 'local-service' });
  const module = LevelServiceModule.forRoot({ level: 'local', engines: serviceEngines(config), jwtSecret: config.jwtSecret, logLevel: config.logLevel });
  await startProcess('local-service', module, config, { api: { maxBodyBytes: config.maxBodyBytes }, requestTimeoutSeconds: config.requestTimeoutSeconds });
});
