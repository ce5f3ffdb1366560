import fc from 'fast-check';
import { firstDuplicateKey } from './duplicate-keys';

describe('firstDuplicateKey', () => {
  it('names a member given twice, by its path, at any depth', () => {
    expect(firstDuplicateKey('{"value":1,"value":1000000}')).toBe('value');
    expect(firstDuplicateKey('{"points":[{"period":"2004-01-01","value":1},{"value":2,"value":3}]}')).toBe('points.1.value');
    expect(firstDuplicateKey('{"measure":{"name":"a","unit":"b","name":"c"}}')).toBe('measure.name');
  });

  it('compares names decoded, so an escaped spelling is the same name', () => {
    expect(firstDuplicateKey('{"name":"a","\\u006eame":"b"}')).toBe('name');
  });

  it('passes equal names in different objects, and quotes, commas and braces inside strings', () => {
    expect(firstDuplicateKey('{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}')).toBeUndefined();
    expect(firstDuplicateKey('{"a":"\\",\\"a\\":{[","b":"}"}')).toBeUndefined();
  });

  it('never flags JSON.stringify of any value (its names are unique), and always finds one added again', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 }), (object) => {
        const text = JSON.stringify(object);
        expect(firstDuplicateKey(text)).toBeUndefined();
        const [key, value] = Object.entries(object)[0]!;
        expect(firstDuplicateKey(`${text.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`)).toBe(key);
      }),
    );
  });
});
