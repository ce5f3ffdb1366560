import { ANY, NO_STREAM, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevision } from '@spiral/ports';
import { checkExpected, fromCurrentState, isWrongExpectedVersion, toStreamState, toWrongExpectedRevision } from './kurrentdb-expected-revision';

function thrownBy(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('expected revision ↔ KurrentDB stream state', () => {
  it("maps 'no_stream', 'any' and numbers to the client's NO_STREAM, ANY and BigInt revisions", () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it("reads the server's current state back in the port's terms", () => {
    expect(fromCurrentState(NO_STREAM)).toBe('no_stream');
    expect(fromCurrentState(7n)).toBe(7);
  });

  it('checks the expected revision against the head read, as the port words it', () => {
    expect(() => checkExpected('s', 'any', undefined)).not.toThrow();
    expect(() => checkExpected('s', 'any', 4)).not.toThrow();
    expect(() => checkExpected('s', 'no_stream', undefined)).not.toThrow();
    expect(() => checkExpected('s', 3, 3)).not.toThrow();
    expect(thrownBy(() => checkExpected('s', 'no_stream', 0))).toMatchObject({ expected: 'no_stream', actual: 0 });
    expect(thrownBy(() => checkExpected('s', 0, undefined))).toMatchObject({ expected: 0, actual: 'no_stream' });
    expect(() => checkExpected('s', 5, 1)).toThrow(WrongExpectedRevision);
  });

  it("turns the client's WrongExpectedVersionError into WrongExpectedRevision", () => {
    const error = Object.assign(Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError, {
      streamName: 's', expectedState: 2n, actualState: 5n,
    });
    expect(isWrongExpectedVersion(error)).toBe(true);
    expect(isWrongExpectedVersion({ type: 'wrong-expected-version' })).toBe(true);
    expect(isWrongExpectedVersion(new Error('other'))).toBe(false);
    expect(toWrongExpectedRevision('s', 2, error)).toMatchObject({ streamId: 's', expected: 2, actual: 5 });
    expect(toWrongExpectedRevision('s', 0, Object.assign(error, { actualState: NO_STREAM }))).toMatchObject({ actual: 'no_stream' });
  });
});
