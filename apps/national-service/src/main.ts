import 'reflect-metadata';
import { distributedJobs, LEVELS, LevelServiceModule, runProcess, serviceConfigFrom, serviceEngines, startProcess } from '@spiral/distributed-system';
import { jobLimitsFrom } from '@spiral/jobs';

// The national level's HTTP API as its own process, on the event store of EVENT_STORE_URL (PostgreSQL or KurrentDB), with views read from MongoDB.
runProcess('national-service', async () => {
  const config = serviceConfigFrom(process.env, { consumesFeed: LEVELS.national.consumesFeed, name: 'national-service' });
  const jobs = distributedJobs(config, jobLimitsFrom(process.env));
  const module = LevelServiceModule.forRoot({ level: 'national', engines: serviceEngines(config), jwtSecret: config.jwtSecret, logLevel: config.logLevel, jobs });
  await startProcess('national-service', module, config, { api: { maxBodyBytes: config.maxBodyBytes }, requestTimeoutSeconds: config.requestTimeoutSeconds });
});
