import { SetMetadata } from '@nestjs/common';
import type { Role } from '@spiral/event-catalogue';

export const PUBLIC_ROUTE = 'spiral:public';
export const ALLOWED_ROLES = 'spiral:roles';

/** A route anyone may call without a token (health, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route at all; finer scope (own org, own region) is checked after. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Commands: only the roles that write; auditors and analysts never do. */
export const WRITERS: readonly Role[] = ['local', 'regional', 'national'];
