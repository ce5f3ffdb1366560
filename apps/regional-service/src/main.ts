import 'reflect-metadata';
import { distributedJobs, LEVELS, LevelServiceModule, runProcess, serviceConfigFrom, serviceEngines, startProcess } from '@spiral/distributed-system';
import { jobLimitsFrom } from '@spiral/jobs';

// The regional level's HTTP API as its own process, on the event store of EVENT_STORE_URL (PostgreSQL or KurrentDB), with views read from MongoDB.
runProcess('regional-service', async () => {
  const config = serviceConfigFrom(process.env, { consumesFeed: LEVELS.regional.consumesFeed, name: 'regional-service' });
  // Its view is read in a worker thread (ThreadReads), served by the jobs' worker entry.
  const jobs = distributedJobs(config, jobLimitsFrom(process.env));
  const module = LevelServiceModule.forRoot({ level: 'regional', engines: serviceEngines(config), jwtSecret: config.jwtSecret, logLevel: config.logLevel, jobs });
  await startProcess('regional-service', module, config, { api: { maxBodyBytes: config.maxBodyBytes }, requestTimeoutSeconds: config.requestTimeoutSeconds });
});
