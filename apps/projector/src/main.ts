import 'reflect-metadata';
import { projectorConfigFrom, projectorEngines, ProjectorModule, runProcess, startProcess } from '@spiral/distributed-system';

// Every projection, fed from Kafka in its consumer group, writing the views to MongoDB; run more
// of it to share the partitions. /api/v1/health on PORT reports each projection's lag.
runProcess('projector', async () => {
  const config = projectorConfigFrom(process.env);
  await startProcess('projector', ProjectorModule.forRoot({ engines: projectorEngines(config), logLevel: config.logLevel }), config);
});
