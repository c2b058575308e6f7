import type { RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import { UnauthorizedError } from '../errors';
import { setAuthenticatedUser } from './authenticated-user';
import type { SessionTokens } from './create-session-tokens';
import { looksLikeJwt, type VerifyOidcToken } from './oidc';

/**
 * Middleware: resolves `Authorization: Bearer <token>` to a live session and an active user, or answers 401. The
 * access token is looked up by its SHA-256 digest (see createSessionTokens); an expired, rotated or revoked one is
 * refused. A JWT bearer is a province identity provider's access token and goes to `verifyOidcToken`.
 */
export function createAuthenticate(deps: {
  models: Models;
  sessions: SessionTokens;
  /** Single sign-on (api/auth/oidc): a JWT bearer goes here; undefined when OIDC is off (a JWT is then 401). */
  verifyOidcToken?: VerifyOidcToken | undefined;
}): RequestHandler {
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
    const session = await deps.sessions.resolve(match[1]);
    if (!session) return next(new UnauthorizedError({ vi: 'Phiên đăng nhập đã hết hạn', en: 'Session expired' }));
    const user = await deps.models.User.findById(session.userId).lean();
    if (!user?.active) return next(new UnauthorizedError());
    setAuthenticatedUser(req, {
      id: user._id,
      displayName: user.displayName,
      ...(user.displayNameEn ? { displayNameEn: user.displayNameEn } : {}),
      grants: user.grants,
      sessionId: session._id,
    });
    next();
  };
}
