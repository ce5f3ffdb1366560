import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './auth/access.guard';
import { HealthController } from './health/health.controller';

export interface SpiralHttpOptions {
  /** HS256 secret the tokens are signed with (SPIRAL_JWT_SECRET). */
  readonly jwtSecret: string;
}

/** Identity for every route (the JWT verifier and the guard that applies SPEC "Access") and /health. */
@Module({})
export class SpiralHttpModule {
  static forRoot(options: SpiralHttpOptions) {
    return {
      module: SpiralHttpModule,
      imports: [JwtModule.register({ secret: options.jwtSecret, signOptions: { algorithm: 'HS256' as const } })],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
      exports: [JwtModule],
    };
  }
}
