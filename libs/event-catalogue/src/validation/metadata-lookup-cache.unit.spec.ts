import { IsInt, IsString, MetadataStorage, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadataLookups } from './metadata-lookup-cache';

describe('cacheValidationMetadataLookups', () => {
  it('answers what class-validator would, for a class and its subclass, and is installed once', () => {
    class Base {
      @IsString() name!: string;
    }
    class Child extends Base {
      @IsInt() count!: number;
    }
    const fresh = new MetadataStorage();
    for (const target of [Base, Child]) for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', false, false)) fresh.addValidationMetadata(metadata);
    const expected = fresh.getTargetValidationMetadatas(Child, '', false, false);
    cacheValidationMetadataLookups(fresh);
    cacheValidationMetadataLookups(fresh);
    const first = fresh.getTargetValidationMetadatas(Child, '', false, false);
    expect(first).toEqual(expected);
    expect(fresh.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(fresh.groupByPropertyName(first)).toBe(fresh.groupByPropertyName(first));
    expect(Object.keys(fresh.groupByPropertyName(first)).sort()).toEqual(['count', 'name']);
  });

  it('sees a rule registered after a lookup (a class loaded later)', () => {
    class Late {
      @IsString() first!: string;
    }
    cacheValidationMetadataLookups();
    expect(validateSync(Object.assign(new Late(), { first: 'a', second: 1 }), { whitelist: true, forbidNonWhitelisted: true })).toHaveLength(1);
    IsString()(Late.prototype, 'second');
    const errors = validateSync(Object.assign(new Late(), { first: 'a', second: 1 }), { whitelist: true, forbidNonWhitelisted: true });
    expect(errors.map((error) => Object.keys(error.constraints ?? {}))).toEqual([['isString']]);
  });
});
