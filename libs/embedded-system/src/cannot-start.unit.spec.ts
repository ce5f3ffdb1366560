import { cannotStartReason } from './cannot-start';
import { ConfigError } from './embedded-config';

describe('cannotStartReason', () => {
  it('tells a bad setting as itself and a listening address that fails with what to set', () => {
    expect(cannotStartReason(new ConfigError('PORT must be a whole number from 0 to 65535, not "0x10"'))).toBe('PORT must be a whole number from 0 to 65535, not "0x10"');
    const busy = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:4107'), { code: 'EADDRINUSE' });
    expect(cannotStartReason(busy)).toBe('listen EADDRINUSE: address already in use 127.0.0.1:4107: another process listens there: stop it, or set PORT to a free port');
    expect(cannotStartReason(Object.assign(new Error('getaddrinfo ENOTFOUND 999.1.1.1'), { code: 'ENOTFOUND' }))).toContain('set HOST');
  });

  it('leaves a fault of ours, whose stack is worth printing, to the caller', () => {
    for (const error of [new TypeError('x is undefined'), 'text', null, Object.assign(new Error('disk'), { code: 'EIO' })]) expect(cannotStartReason(error)).toBeUndefined();
  });
});
