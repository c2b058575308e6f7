import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { UnauthorizedError } from '../errors';
import { setAuthenticatedUser } from './authenticated-user';
import { looksLikeJwt, type VerifyOidcToken } from './oidc';

export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Middleware: resolves `Authorization: Bearer <token>` to a live session and an active user, or answers 401.
 * Tokens are looked up by their SHA-256 digest; an expired session is refused (and left for clean-up).
 */
export function createAuthenticate(deps: {
  models: Models;
  now?: () => Date;
  /** Single sign-on (api/auth/oidc): a JWT bearer goes here; undefined when OIDC is off (a JWT is then 401). */
  verifyOidcToken?: VerifyOidcToken | undefined;
}): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const jwt = looksLikeJwt(header);
    if (jwt) {
      if (!deps.verifyOidcToken) return next(new UnauthorizedError());
      return deps.verifyOidcToken(jwt).then((user) => {
        setAuthenticatedUser(req, user);
        next();
      }, next);
    }
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!match?.[1]) return next(new UnauthorizedError());
    const session = await deps.models.Session.findById(tokenDigest(match[1])).lean();
    if (!session || session.expiresAt <= now()) {
      return next(new UnauthorizedError({ vi: 'Phiên đăng nhập đã hết hạn', en: 'Session expired' }));
    }
    const user = await deps.models.User.findById(session.userId).lean();
    if (!user?.active) return next(new UnauthorizedError());
    setAuthenticatedUser(req, { id: user._id, displayName: user.displayName, grants: user.grants });
    next();
  };
}
