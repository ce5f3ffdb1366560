import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@spiral/event-catalogue';
import { PUBLIC_OPERATION } from '../openapi/error-responses';

export const PUBLIC_ROUTE = 'spiral:public';
export const ALLOWED_ROLES = 'spiral:roles';

/** A route anyone may call without a token (health, the OpenAPI document); the document says so too. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

/** The roles that may call a route at all; finer scope (own org, own region) is checked after. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Commands: only the roles that write; auditors and analysts never do. */
export const WRITERS: readonly Role[] = ['local', 'regional', 'national'];
