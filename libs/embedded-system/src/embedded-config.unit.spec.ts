import { ConfigError, embeddedConfigFrom } from './embedded-config';

describe('embeddedConfigFrom', () => {
  it('reads every number written in decimal digits, and defaults what is unset or empty', () => {
    const config = embeddedConfigFrom({ PORT: '4100', SPIRAL_REQUEST_TIMEOUT_SECONDS: '', SPIRAL_JOBS_RUNNING: '2', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 4100, requestTimeoutSeconds: 30, jobs: { running: 2 }, logLevel: 'warn' });
  });

  it.each([
    ['PORT', '0x10'],
    ['PORT', '1e3'],
    ['PORT', ' 80'],
    ['PORT', '-1'],
    ['SPIRAL_MAX_BODY_BYTES', '2e6'],
    ['SPIRAL_REQUEST_TIMEOUT_SECONDS', '0'],
    ['SPIRAL_REQUEST_TIMEOUT_SECONDS', 'abc'],
    ['SPIRAL_JOBS_RUNNING', '0x2'],
    ['SPIRAL_JOBS_QUEUED', '8.0'],
  ])('refuses %s=%j, naming it and what it takes', (name, value) => {
    expect(() => embeddedConfigFrom({ [name]: value })).toThrow(ConfigError);
    expect(() => embeddedConfigFrom({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number from \\d+ to \\d+, not "${value.replace(/[.+]/g, '\\$&')}"$`));
  });

  it('refuses a LOG_LEVEL pino does not know, listing those it does, instead of failing mid-start', () => {
    expect(() => embeddedConfigFrom({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"');
  });
});
