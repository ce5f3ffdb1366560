import 'reflect-metadata';
import fc from 'fast-check';
import { IsFiniteNumber, IsProse, IsText, MAX_NUMBER_MAGNITUDE, showsAsAName, wholeNumberOf } from './field-rules';
import { validatePayload } from './validate-payload';

class Sample {
  @IsText()
  name!: string;

  @IsProse()
  note!: string;

  @IsFiniteNumber()
  value!: number;
}

const fieldsRefused = (body: object) => validatePayload(Sample, { name: 'Ward 7', note: 'fine', value: 1, ...body }).map((problem) => problem.field);

describe('field rules: names, prose and numbers', () => {
  it('refuse bidi controls in names and prose, zero-width characters in names', () => {
    for (const hidden of ['\u202E', '\u2066', '\u200F', '\u061C']) {
      expect(fieldsRefused({ name: `Ward${hidden}7`, note: `a${hidden}b` })).toEqual(['name', 'note']);
    }
    for (const zeroWidth of ['\u200B', '\u200D', '\u2060', '\uFEFF']) expect(fieldsRefused({ name: `Ward${zeroWidth}7` })).toEqual(['name']);
    expect(fieldsRefused({ note: 'family \u{1F468}\u200D\u{1F469}' })).toEqual([]);
  });

  it('refuse in names what does not show or breaks the line, and blank or space-edged names', () => {
    for (const hidden of ['\u00AD', '\u{E0041}', '\u180E', '\u2028', '\u2029']) expect(fieldsRefused({ name: `Ward${hidden}7` })).toEqual(['name']);
    for (const blank of ['   ', '\u00A0', '\u3000', '\u0301\u0301', ' Ward 7', 'Ward 7 ', 'Ward 7\u00A0']) expect(fieldsRefused({ name: blank })).toEqual(['name']);
    expect(fieldsRefused({ name: 'Ward 7 (Queen\u2019s), caf\u00e9 \u{1F3E5}' })).toEqual([]);
  });

  it('refuse blank prose, and keep prose that starts or ends with a line break', () => {
    for (const blank of ['   ', '\n\t', '\u00A0\u0301']) expect(fieldsRefused({ note: blank })).toEqual(['note']);
    expect(fieldsRefused({ note: '\nWhat we learned.\n' })).toEqual([]);
  });

  it('refuse names and prose that show nothing: letters and symbols drawn blank, joiners, private or unassigned characters alone', () => {
    for (const blank of ['\u3164', '\u115F\u1160', '\uFFA0', '\u2800\u2800', '\uE000', '\u{50000}']) expect(fieldsRefused({ name: blank, note: blank })).toEqual(['name', 'note']);
    for (const joinersAlone of ['\u200D', '\u200C\u200D', '\u034F']) expect(fieldsRefused({ note: joinersAlone })).toEqual(['note']);
    // A name holds none drawn blank at all: "Ward 7\u3164" beside "Ward 7" would look the same.
    for (const edged of ['Ward 7\u3164', '\u2800Ward 7']) expect(fieldsRefused({ name: edged })).toEqual(['name']);
    expect(fieldsRefused({ name: 'Ward \u2764\uFE0F', note: '\u1820\u180B and \u3164 inside' })).toEqual([]);
  });

  it('refuse every name and prose made only of what shows nothing, and take the prose once one letter shows', () => {
    const showsNothing = fc.constantFrom(' ', '\u00A0', '\u3000', '\t', '\u0301', '\u200D', '\u200C', '\u034F', '\uFE0F', '\u3164', '\u115F', '\u1160', '\uFFA0', '\u2800', '\uE000', '\u{E0041}');
    fc.assert(
      fc.property(fc.string({ unit: showsNothing, minLength: 1, maxLength: 20 }), fc.nat(), (blank, at) => {
        expect(showsAsAName(blank)).toBe(false);
        expect(fieldsRefused({ name: blank, note: blank })).toEqual(['name', 'note']);
        const cut = at % (blank.length + 1);
        expect(fieldsRefused({ note: `${blank.slice(0, cut)}x${blank.slice(cut)}` })).toEqual([]);
      }),
    );
  });

  it('refuse more than 30 combining marks in a row, and keep scripts that stack a few', () => {
    const pile = `Ward 7${'\u0301'.repeat(31)}`;
    expect(fieldsRefused({ name: pile, note: `What we learned: ${pile}` })).toEqual(['name', 'note']);
    expect(fieldsRefused({ name: `Ward 7${'\u0301'.repeat(30)}`, note: '\u0915\u094D\u0937\u093F \u0F66\u0F90\u0FB1\u0F7C\u0F44' })).toEqual([]);
  });

  it('hold numbers within ±MAX_NUMBER_MAGNITUDE', () => {
    expect(fieldsRefused({ value: MAX_NUMBER_MAGNITUDE })).toEqual([]);
    expect(fieldsRefused({ value: -MAX_NUMBER_MAGNITUDE })).toEqual([]);
    expect(fieldsRefused({ value: 1e308 })).toEqual(['value']);
    expect(fieldsRefused({ value: -1e13 })).toEqual(['value']);
  });
});

describe('wholeNumberOf: a whole number written as text', () => {
  it('reads every whole number written in decimal digits as itself, leading zeros allowed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.nat(3), (n, zeros) => expect(wholeNumberOf(`${'0'.repeat(zeros)}${n}`)).toBe(n)));
  });

  it('reads nothing else: not what Number() would (hex, exponents, spaces, signs, fractions, empty)', () => {
    for (const text of ['0x10', '0b1', '0o7', '1e3', ' 5', '5 ', '+5', '-5', '5.0', '', 'Infinity', '1_000', '١٢']) expect(wholeNumberOf(text)).toBeUndefined();
    fc.assert(fc.property(fc.string(), (text) => expect(wholeNumberOf(text) === undefined).toBe(!/^0*\d{1,15}$/.test(text))));
  });
});
