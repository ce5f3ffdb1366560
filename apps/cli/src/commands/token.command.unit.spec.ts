import { Command } from 'commander';
import { tokenCommand } from './token.command';

function spiral(): Command {
  return new Command('spiral').exitOverride().addCommand(tokenCommand().exitOverride());
}

const mint = (...args: string[]) => spiral().parseAsync(['node', 'spiral', 'token', '--role', 'national', ...args]);

/** `spiral token` hands out only tokens the server accepts, and says what to give instead. */
describe('spiral token --expires', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('mints a token for a positive lifetime', async () => {
    await mint('--expires', '30m');
    expect(written.join('')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it.each(['-5h', '0s'])('refuses %s, a token dead when made, and prints none', async (span) => {
    await expect(mint('--expires', span)).rejects.toThrow(new RegExp(`^--expires ${span}: the server would refuse this token: it expires .* its lifetime must be positive$`));
    expect(written).toEqual([]);
  });

  it('refuses a lifetime it cannot read, saying what to give', async () => {
    await expect(mint('--expires', 'abc')).rejects.toThrow('--expires abc: give a lifetime such as 12h, 30m or 90s');
    expect(written).toEqual([]);
  });
});
