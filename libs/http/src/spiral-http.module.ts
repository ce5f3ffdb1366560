import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AccessGuard, TOKEN_POLICY } from './auth/access.guard';
import { DEFAULT_TOKEN_POLICY } from './auth/token-rules';
import { HealthController } from './health/health.controller';
import { RefuseUndeclaredQuery } from './request/refuse-undeclared-query.guard';

export interface SpiralHttpOptions {
  /** HS256 secret the tokens are signed with (SPIRAL_JWT_SECRET). */
  readonly jwtSecret: string;
  /** Longest token lifetime accepted (SPIRAL_TOKEN_MAX_LIFETIME_SECONDS); 24 h when unset. */
  readonly tokenMaxLifetimeSeconds?: number;
}

/** Identity for every route (the JWT verifier and the guard that applies SPEC "Access"), the refusal of undeclared query parameters, and /health. */
@Module({})
export class SpiralHttpModule {
  static forRoot(options: SpiralHttpOptions) {
    return {
      module: SpiralHttpModule,
      // A KeyObject, not a string: jsonwebtoken otherwise tries the secret as a public key first, on
      // every request, and that failed parse cost about a millisecond per request (profiled).
      imports: [JwtModule.register({ secret: createSecretKey(Buffer.from(options.jwtSecret)), signOptions: { algorithm: 'HS256' as const } })],
      controllers: [HealthController],
      providers: [
        { provide: TOKEN_POLICY, useValue: { ...DEFAULT_TOKEN_POLICY, maxLifetimeSeconds: options.tokenMaxLifetimeSeconds ?? DEFAULT_TOKEN_POLICY.maxLifetimeSeconds } },
        { provide: APP_GUARD, useClass: AccessGuard },
        // After the AccessGuard: who may not read the route is told so first.
        { provide: APP_GUARD, useClass: RefuseUndeclaredQuery },
      ],
      exports: [JwtModule],
    };
  }
}
