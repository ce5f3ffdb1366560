import { ArrayMinSize, ArrayUnique, IsArray } from 'class-validator';
import { IsBoundedList, IsIdentifier } from '../validation/field-rules';

/**
 * A non-empty list of distinct organisation codes (spread strategies, field-test sites): each one an
 * identifier, at most `maxItems`, so a payload cannot name the same organisation twice.
 */
export function IsOrgCodeList(maxItems: number): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    IsBoundedList(maxItems)(target, key);
    ArrayUnique()(target, key);
    IsIdentifier({ each: true })(target, key);
  };
}
