import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { InvalidInput } from '@spiral/decider';

/**
 * SPEC "Bad input": unknown query parameters are refused like unknown fields. A route with a query
 * class has them refused by the validation pipe; a route without one ignored every parameter, so
 * `GET /teams/:id?asOf=2004-06-30` answered today's team as if it were dated, and an auditor's
 * `/audit/verify?stream=…` verified everything. This refuses any query parameter on a route that
 * declares none (no `@Query()`), for every route at once. A guard, after the AccessGuard: it costs
 * one call per request, where an interceptor would put every request through an rxjs pipeline.
 */
@Injectable()
export class RefuseUndeclaredQuery implements CanActivate {
  /** Whether each handler declares a query, found once: the answer never changes while the app runs. */
  private readonly declared = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
      const names = Object.keys(query);
      if (names.length > 0 && !this.declaresQuery(context)) {
        throw new InvalidInput(names.map((field) => ({ field, reason: `property ${field} should not exist: this request takes no query parameters` })));
      }
    }
    return true;
  }

  private declaresQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let declares = this.declared.get(handler);
    if (declares === undefined) {
      // Nest keeps a handler's parameter decorators as `<paramtype>:<index>` keys on its class.
      const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      declares = Object.keys(parameters).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
      this.declared.set(handler, declares);
    }
    return declares;
  }
}
