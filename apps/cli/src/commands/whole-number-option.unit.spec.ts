import fc from 'fast-check';
import { Command, CommanderError } from 'commander';
import { wholeNumberOption } from './whole-number-option';

const parse = (text: string) => wholeNumberOption(0, 0xffffffff)(text);

describe('wholeNumberOption: a CLI option taking a whole number', () => {
  it('reads decimal digits in range as themselves', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => expect(parse(String(n))).toBe(n)));
  });

  it('refuses what Number() would have read otherwise (0x10, 1e3, spaces, signs) and what is out of range, saying what to give', () => {
    for (const text of ['0x10', '1e3', ' 5', '5 ', '+5', '-1', '5.0', '', '4294967296']) expect(() => parse(text)).toThrow('must be a whole number from 0 to 4294967295, in decimal digits');
  });

  it('is refused by commander as an invalid argument of its option (exit code 1, no stack trace)', () => {
    const command = new Command('seed').exitOverride().configureOutput({ writeErr: () => undefined }).option('--random-seed <n>', 'seed', wholeNumberOption(0, 10));
    const run = () => command.parse(['node', 'seed', '--random-seed', '0x10']);
    expect(run).toThrow(CommanderError);
    expect(run).toThrow("option '--random-seed <n>' argument '0x10' is invalid. must be a whole number from 0 to 10, in decimal digits");
  });
});
