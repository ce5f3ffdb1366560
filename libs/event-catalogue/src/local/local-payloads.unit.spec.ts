import { validatePayload } from '../validation/validate-payload';
import { MeasurementRecordedData } from './measurement-recorded.event';
import { NeedRecognisedData } from './need-recognised.event';
import { OptionsAppraisedData } from './options-appraised.event';
import { SustainabilityAssessedData } from './sustainability-assessed.event';

const needRecognised = {
  spiralId: 'spiral-1',
  teamId: 'team-1',
  orgCode: 'RX1',
  shaCode: 'Q01',
  title: 'Door-to-needle time',
  measure: { name: 'Median door-to-needle time', unit: 'minutes', improvement: 'decrease' },
  baseline: 72,
  target: 60,
  trigger: { kind: 'patientVoice' },
  gap: 'Too slow.\nFar too slow.',
};
const point = { spiralId: 'spiral-1', period: '2005-01-01', value: 3.5 };
const fieldsOf = (problems: { field: string }[]) => [...new Set(problems.map(({ field }) => field))];

describe('local event payloads (SPEC "Bad input")', () => {
  it('accept a valid payload', () => {
    expect(validatePayload(NeedRecognisedData, needRecognised)).toEqual([]);
    expect(validatePayload(MeasurementRecordedData, point)).toEqual([]);
  });

  it('refuse an unknown field, also inside a nested object', () => {
    expect(fieldsOf(validatePayload(MeasurementRecordedData, { ...point, patientId: 'x' }))).toEqual(['patientId']);
    const nested = { ...needRecognised, measure: { ...needRecognised.measure, colour: 'red' } };
    expect(fieldsOf(validatePayload(NeedRecognisedData, nested))).toEqual(['measure.colour']);
  });

  it('refuse control characters in text', () => {
    const title = 'Door\u0000time';
    expect(fieldsOf(validatePayload(NeedRecognisedData, { ...needRecognised, title }))).toEqual(['title']);
    expect(fieldsOf(validatePayload(NeedRecognisedData, { ...needRecognised, gap: 'Too\u001bslow' }))).toEqual(['gap']);
  });

  it('refuse a number that is not finite', () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(fieldsOf(validatePayload(MeasurementRecordedData, { ...point, value }))).toEqual(['value']);
    }
  });

  it('refuse a period that is not a real date', () => {
    for (const period of ['2025-02-30', '2005-13-01', '2005-1-1', '2005-01-01T00:00:00Z']) {
      expect(fieldsOf(validatePayload(MeasurementRecordedData, { ...point, period }))).toEqual(['period']);
    }
  });

  it('refuse options with one id twice, and no options', () => {
    const option = { optionId: 'o', summary: 's' };
    const twice = { spiralId: 's', options: [option, option] };
    expect(fieldsOf(validatePayload(OptionsAppraisedData, twice))).toEqual(['options']);
    expect(fieldsOf(validatePayload(OptionsAppraisedData, { spiralId: 's', options: [] }))).toEqual(['options']);
  });

  it('refuse a sustainability assessment rating no factor, or an unknown factor or level', () => {
    const assessed = { spiralId: 's', assessedBy: 'team' };
    expect(fieldsOf(validatePayload(SustainabilityAssessedData, { ...assessed, factors: {} }))).toEqual(['factors']);
    expect(fieldsOf(validatePayload(SustainabilityAssessedData, { ...assessed, factors: { adaptability: 'e' } }))).toEqual([
      'factors.adaptability',
    ]);
    expect(fieldsOf(validatePayload(SustainabilityAssessedData, { ...assessed, factors: { luck: 'a' } }))).toEqual(
      expect.arrayContaining(['factors.luck']),
    );
  });
});
