import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '@spiral/event-catalogue';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators';
import { actorFromClaims } from './identity-claims';
import { bearerTokenOf, tokenTimeProblem, type TokenPolicy } from './token-rules';
import { VerifiedTokens } from './verified-tokens';

/** The TokenPolicy the guard applies (SpiralHttpModule.forRoot provides it). */
export const TOKEN_POLICY = Symbol('TOKEN_POLICY');

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/**
 * Every route but the public ones needs a valid HS256 token (401 otherwise) and, where the route
 * names roles, one of them (403 otherwise). SpiralExceptionFilter logs every refusal with who and what.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    jwt: JwtService,
    @Inject(TOKEN_POLICY) private readonly policy: TokenPolicy,
  ) {
    this.tokens = new VerifiedTokens(jwt);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new ForbiddenException(`the ${actor.role} role may not ${request.method} ${pathOf(request)}`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor> {
    const token = bearerTokenOf(request.headers.authorization);
    if (token === undefined) {
      throw new UnauthorizedException('send Authorization: Bearer <token>; `spiral token` mints one for development');
    }
    let claims: Record<string, unknown>;
    try {
      claims = await this.tokens.claimsOf(token);
    } catch (error) {
      throw new UnauthorizedException(`the token is not valid: ${(error as Error).message}`);
    }
    const timeProblem = tokenTimeProblem(claims, Date.now() / 1000, this.policy);
    if (timeProblem) throw new UnauthorizedException(`the token is not valid: ${timeProblem}; mint a new one (\`spiral token\`)`);
    const actor = actorFromClaims(claims);
    if (!actor) {
      throw new UnauthorizedException('the token needs claims sub (1 to 128 printable characters), role (local, regional, national, analyst, auditor), org (a code) for local users only, and sha (a code) for local and regional users only');
    }
    return actor;
  }
}

/** The request's path without its query, as the refusal names it. */
function pathOf(request: FastifyRequest): string {
  const query = request.url.indexOf('?');
  return query === -1 ? request.url : request.url.slice(0, query);
}
