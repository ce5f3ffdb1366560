import 'reflect-metadata';
import { ConfigError, embeddedConfigFrom, startEmbedded } from '@spiral/embedded-system';

// The embedded system in one process: `npm start`.
startEmbedded(embeddedConfigFrom(process.env)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Spiral cannot start: ${error.message}` : error);
  process.exit(1);
});
