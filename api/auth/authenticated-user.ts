import type { Request } from 'express';
import type { RoleGrant } from '../../storage/user-schema';
import { UnauthorizedError } from '../errors';
import { startedGrants } from './started-grants';

/** The caller, as resolved from the bearer token by `createAuthenticate`. */
export interface AuthenticatedUser {
  id: string;
  displayName: string;
  /** The name and title in English, when the user has one (see UserDoc.displayNameEn). */
  displayNameEn?: string;
  grants: RoleGrant[];
  /** The session the bearer token belongs to (what logout ends). */
  sessionId?: string;
}

const USER = Symbol('user');

/** Sets the caller of this request, with only the grants that have started (startedGrants). */
export function setAuthenticatedUser(req: Request, user: AuthenticatedUser): void {
  (req as unknown as Record<symbol, AuthenticatedUser>)[USER] = { ...user, grants: startedGrants(user.grants) };
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
