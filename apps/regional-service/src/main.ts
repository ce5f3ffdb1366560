import 'reflect-metadata';
import { LEVELS, LevelServiceModule, runProcess, serviceConfigFrom, serviceEngines, startProcess } from '@spiral/distributed-system';

// The regional level's HTTP API as its own process, on the event store of EVENT_STORE_URL (PostgreSQL or KurrentDB), with views read from MongoDB.
runProcess('regional-service', async () => {
  const config = serviceConfigFrom(process.env, { consumesFeed: LEVELS.regional.consumesFeed, name: 'regional-service' });
  const module = LevelServiceModule.forRoot({ level: 'regional', engines: serviceEngines(config), jwtSecret: config.jwtSecret, logLevel: config.logLevel });
  await startProcess('regional-service', module, config, { api: { maxBodyBytes: config.maxBodyBytes } });
});
