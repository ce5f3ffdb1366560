import { eventCatalogue, eventDefinitionOf } from '../catalogue';
import { FieldTestConcludedData } from '../national/field-test-concluded.event';
import { validatePayload } from '../validation/validate-payload';
import { catalogueUpcasters, upcastEvent, type FieldTestConcludedDataV1 } from './index';
import { defineUpcaster, MissingUpcaster } from './upcaster';
import { UpcasterRegistry } from './upcaster-registry';

const v1: FieldTestConcludedDataV1 = {
  fieldTestId: 'ft-1',
  practiceId: 'practice-1',
  verdict: 'inconclusive',
  effectSize: 0.1,
  summary: 'Too few sites reported.',
};

describe('upcasting', () => {
  it('bridges every older schema version of every catalogue event to its current one', () => {
    expect(catalogueUpcasters.gaps(eventCatalogue)).toEqual([]);
  });

  it('reads a v1 FieldTestConcluded as v2, on the protocol scale, valid against the v2 schema', () => {
    const read = upcastEvent({ type: 'FieldTestConcluded', schemaVersion: 1, data: v1, eventId: 'e1' });
    expect(read).toEqual({ type: 'FieldTestConcluded', schemaVersion: 2, data: { ...v1, effectScale: 'protocol' }, eventId: 'e1' });
    expect(validatePayload(FieldTestConcludedData, read.data)).toEqual([]);
    expect(eventDefinitionOf('FieldTestConcluded')?.schemaVersion).toBe(2);
  });

  it('leaves the stored event untouched', () => {
    const stored = { type: 'FieldTestConcluded', schemaVersion: 1, data: { ...v1 } };
    upcastEvent(stored);
    expect(stored).toEqual({ type: 'FieldTestConcluded', schemaVersion: 1, data: v1 });
  });

  it('hands back current, newer and unknown events as they are', () => {
    const current = { type: 'FieldTestConcluded', schemaVersion: 2, data: { ...v1, effectScale: 'relativeChange' } };
    const newer = { type: 'NeedRecognised', schemaVersion: 7, data: {} };
    const unknown = { type: 'SomethingElse', schemaVersion: 1, data: {} };
    expect(upcastEvent(current)).toBe(current);
    expect(upcastEvent(newer)).toBe(newer);
    expect(upcastEvent(unknown)).toBe(unknown);
  });

  it('chains upcasters one version at a time up to the current version', () => {
    const registry = new UpcasterRegistry(
      [
        defineUpcaster<{ a: number }, { b: number }>('Thing', 1, ({ a }) => ({ b: a })),
        defineUpcaster<{ b: number }, { b: number; c: string }>('Thing', 2, ({ b }) => ({ b, c: `was ${b}` })),
      ],
      () => 3,
    );
    expect(registry.upcast({ type: 'Thing', schemaVersion: 1, data: { a: 4 } })).toEqual({ type: 'Thing', schemaVersion: 3, data: { b: 4, c: 'was 4' } });
    expect(registry.upcast({ type: 'Thing', schemaVersion: 2, data: { b: 5 } }).data).toEqual({ b: 5, c: 'was 5' });
  });

  it('refuses to read an old version no upcaster bridges, and two upcasters for one step', () => {
    const registry = new UpcasterRegistry([], () => 2);
    expect(() => registry.upcast({ type: 'Thing', schemaVersion: 1, data: {} })).toThrow(MissingUpcaster);
    expect(registry.gaps([{ type: 'Thing', schemaVersion: 3 }])).toEqual(['Thing v1', 'Thing v2']);
    const step = defineUpcaster('Thing', 1, (data: object) => data);
    expect(() => new UpcasterRegistry([step, step], () => 2)).toThrow('two upcasters for Thing v1');
  });
});
