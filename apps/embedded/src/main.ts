import 'reflect-metadata';
import { cannotStartReason, embeddedConfigFrom, startEmbedded } from '@spiral/embedded-system';

// The embedded system in one process: `npm start`. The settings are read inside the chain: read
// before it, a bad one threw past the catch and printed a stack trace instead of its one line.
Promise.resolve()
  .then(() => startEmbedded(embeddedConfigFrom(process.env)))
  .catch((error: unknown) => {
    const reason = cannotStartReason(error);
    console.error(reason === undefined ? error : `Spiral cannot start: ${reason}`);
    process.exit(1);
  });
