import { JwtService } from '@nestjs/jwt';
import { embeddedConfigFrom } from '@spiral/embedded-system';
import { ROLES, type Role } from '@spiral/event-catalogue';
import { actorFromClaims } from '@spiral/http';
import { Command, Option } from 'commander';

/** `spiral token`: a development JWT signed with SPIRAL_JWT_SECRET (or the development secret). */
export function tokenCommand(): Command {
  return new Command('token')
    .description('mint a development token for a role, organisation and region')
    .addOption(new Option('--role <role>', 'who the token speaks for').choices(ROLES).makeOptionMandatory())
    .option('--org <code>', 'organisation code (required for local users)')
    .option('--sha <code>', 'SHA (region) code (required for local and regional users)')
    .option('--sub <id>', 'user id', 'dev-user')
    .option('--expires <span>', 'lifetime, e.g. 12h or 7d', '12h')
    .action((options: { role: Role; org?: string; sha?: string; sub: string; expires: string }) => {
      const claims = { sub: options.sub, role: options.role, org: options.org ?? null, sha: options.sha ?? null };
      if (!actorFromClaims(claims)) {
        throw new Error(`a ${options.role} token needs ${options.role === 'local' ? '--org and --sha' : '--sha'}`);
      }
      const { jwtSecret } = embeddedConfigFrom(process.env);
      const jwt = new JwtService({ secret: jwtSecret });
      process.stdout.write(`${jwt.sign(claims, { algorithm: 'HS256', expiresIn: options.expires as `${number}h` })}\n`);
    });
}
