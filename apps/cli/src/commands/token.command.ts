import { JwtService } from '@nestjs/jwt';
import { DEVELOPMENT_JWT_SECRET, embeddedConfigFrom } from '@spiral/embedded-system';
import { ROLES, type Role } from '@spiral/event-catalogue';
import { actorFromClaims, tokenTimeProblem, DEFAULT_TOKEN_POLICY } from '@spiral/http';
import { Command, Option } from 'commander';

interface TokenOptions {
  readonly role: Role;
  readonly org?: string;
  readonly sha?: string;
  readonly sub?: string;
  readonly expires: string;
}

/**
 * `spiral token`: a token signed with SPIRAL_JWT_SECRET (or, with a warning, the development secret),
 * always with exp, refused here when the server would refuse it. Without --sub the user id names the
 * role and its organisation or region, so tokens of different organisations never share a `sub`.
 */
export function tokenCommand(): Command {
  return new Command('token')
    .description('mint a token for a role, organisation and region')
    .addOption(new Option('--role <role>', 'who the token speaks for').choices(ROLES).makeOptionMandatory())
    .option('--org <code>', 'organisation code (required for local users)')
    .option('--sha <code>', 'SHA (region) code (required for local and regional users)')
    .option('--sub <id>', 'user id, 1 to 128 printable characters (default: dev-<role>-<org or sha>)')
    .option('--expires <span>', 'lifetime, e.g. 12h or 30m; at most SPIRAL_TOKEN_MAX_LIFETIME_SECONDS (24h by default)', '12h')
    .action((options: TokenOptions) => {
      const sub = options.sub ?? ['dev', options.role, options.org ?? options.sha].filter(Boolean).join('-');
      const claims = { sub, role: options.role, org: options.org ?? null, sha: options.sha ?? null };
      if (!actorFromClaims(claims)) {
        const codes = options.role === 'local' ? '--org and --sha' : options.role === 'regional' ? '--sha and no --org' : 'neither --org nor --sha';
        throw new Error(`a ${options.role} token takes ${codes} (codes of letters and digits), and a --sub of 1 to 128 printable characters`);
      }
      const config = embeddedConfigFrom(process.env);
      if (config.jwtSecret === DEVELOPMENT_JWT_SECRET) {
        process.stderr.write('warning: SPIRAL_JWT_SECRET is not set; signing with the development secret, which only a development server accepts\n');
      }
      const jwt = new JwtService({ secret: config.jwtSecret });
      const token = signed(jwt, claims, options.expires);
      const problem = tokenTimeProblem(jwt.decode<Record<string, unknown>>(token), Date.now() / 1000, { ...DEFAULT_TOKEN_POLICY, maxLifetimeSeconds: config.tokenMaxLifetimeSeconds });
      if (problem) throw new Error(`--expires ${options.expires}: the server would refuse this token: ${problem}`);
      process.stdout.write(`${token}\n`);
    });
}

/** jsonwebtoken's own words for a span it cannot read name its option, not ours. */
function signed(jwt: JwtService, claims: object, expires: string): string {
  try {
    return jwt.sign(claims, { algorithm: 'HS256', expiresIn: expires as `${number}h` });
  } catch {
    throw new Error(`--expires ${expires}: give a lifetime such as 12h, 30m or 90s`);
  }
}
