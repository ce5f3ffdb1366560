import { GAIN_RULES } from '@spiral/event-catalogue';
import { gainsFrom } from './gains';
import { RUN_RULES, SIGNAL_RULES, type GainRule } from './spc-types';
import { handmadeGainsVectors } from './vectors/handmade-gains.vectors';

describe('gainsFrom', () => {
  it('cites only rules the gain events accept', () => {
    const rules: GainRule[] = [...SIGNAL_RULES, ...RUN_RULES, 'sustained12'];
    expect([...rules].sort()).toEqual([...GAIN_RULES].sort());
  });

  // A process manager emits an event for each fact it has not recorded yet: facts found on fewer
  // points must be the start of the facts found on more, never changed or withdrawn.
  it.each(handmadeGainsVectors.map((vector) => [vector.source.test, vector] as const))(
    'only ever adds facts as points arrive: %s',
    (_name, vector) => {
      const all = gainsFrom(vector.input);
      for (let count = 0; count <= vector.input.points.length; count += 1) {
        const earlier = gainsFrom({ ...vector.input, points: vector.input.points.slice(0, count) });
        expect(all.slice(0, earlier.length)).toEqual(earlier);
      }
    },
  );

  it('is the same whatever order the points come in', () => {
    for (const vector of handmadeGainsVectors) {
      expect(gainsFrom({ ...vector.input, points: [...vector.input.points].reverse() })).toEqual(gainsFrom(vector.input));
    }
  });
});
