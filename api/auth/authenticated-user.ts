import type { Request } from 'express';
import type { RoleGrant } from '../../storage/user-schema';
import { UnauthorizedError } from '../errors';

/** The caller, as resolved from the bearer token by `createAuthenticate`. */
export interface AuthenticatedUser {
  id: string;
  displayName: string;
  grants: RoleGrant[];
  /** The session the bearer token belongs to (what logout ends). */
  sessionId?: string;
}

const USER = Symbol('user');

export function setAuthenticatedUser(req: Request, user: AuthenticatedUser): void {
  (req as unknown as Record<symbol, AuthenticatedUser>)[USER] = user;
}

/** The authenticated caller; throws 401 when the route was reached without authentication. */
export function authenticatedUser(req: Request): AuthenticatedUser {
  const user = (req as unknown as Record<symbol, AuthenticatedUser | undefined>)[USER];
  if (!user) throw new UnauthorizedError();
  return user;
}

/** The authenticated caller, or null when the request was not (or not yet) authenticated. */
export function authenticatedUserOrNull(req: Request): AuthenticatedUser | null {
  return (req as unknown as Record<symbol, AuthenticatedUser | undefined>)[USER] ?? null;
}
