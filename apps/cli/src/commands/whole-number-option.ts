import { wholeNumberOf } from '@spiral/event-catalogue';
import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for an option that takes a whole number from `min` to `max` (`what` names the
 * unit, e.g. "megabytes"). The one rule for whole numbers written as text (wholeNumberOf): Number()
 * read `--random-seed 0x10` as 16, `1e3` as 1000 and ' 5' as 5, so a run was not the one asked for.
 */
export function wholeNumberOption(min: number, max: number, what = ''): (text: string) => number {
  const unit = what === '' ? '' : ` ${what}`;
  return (text) => {
    const value = wholeNumberOf(text);
    if (value === undefined || value < min || value > max) {
      throw new InvalidArgumentError(`must be a whole number${unit} from ${min} to ${max}, in decimal digits`);
    }
    return value;
  };
}
