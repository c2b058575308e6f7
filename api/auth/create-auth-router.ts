import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { UserDoc } from '../../storage/user-schema';
import { DomainError, UnauthorizedError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { authenticatedUser } from './authenticated-user';
import type { LoginThrottle } from './create-login-throttle';
import type { IssuedTokens, SessionTokens } from './create-session-tokens';
import { startedGrants } from './started-grants';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  verifyPassword,
  type ScryptParams,
} from './hash-password';
import type { SignInSettings } from './sign-in-settings';
import { recordSecurityEvent } from '../security/record-security-event';
import type { LoginResponse } from '../../api-contract';

const WRONG_CREDENTIALS = { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' };

const answer = (tokens: IssuedTokens, user: UserDoc): LoginResponse => ({
  token: tokens.token,
  expiresAt: tokens.expiresAt.toISOString(),
  refreshToken: tokens.refreshToken,
  refreshExpiresAt: tokens.refreshExpiresAt.toISOString(),
  user: {
    id: user._id,
    displayName: user.displayName,
    ...(user.displayNameEn ? { displayNameEn: user.displayNameEn } : {}),
    grants: startedGrants(user.grants),
  },
});

/**
 * Local sign-in and sessions. Every answer is `Cache-Control: no-store`.
 *
 * `POST /api/auth/login` `{ username, password }` → tokens and the user. Every attempt is counted against the
 * account and the client address before any password is checked (a success is taken back); one over the limit of
 * the current window is 429 with `Retry-After`. An unknown,
 * inactive or locked account is verified against a dummy hash of the same cost, and answered exactly like a wrong
 * password (401, same body), so neither the answer nor its timing tells which usernames exist or are locked. Each
 * failure of an existing account adds to its consecutive failures; at `lockAfterFailures` the account is locked
 * until an administrator unlocks it. A success resets them, and hashes the password again if its hash was made with
 * older scrypt parameters.
 *
 * `POST /api/auth/refresh` `{ refreshToken }` → a new pair (the old refresh token is spent; see createSessionTokens).
 * `POST /api/auth/logout` (bearer) ends the session: its access and refresh tokens are refused afterwards.
 */
export function createAuthRouter(deps: {
  models: Models;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  sessions: SessionTokens;
  throttle: LoginThrottle;
  settings: Pick<SignInSettings, 'lockAfterFailures'>;
  /** The cost new hashes are made with and older ones upgraded to at sign-in; SCRYPT_PARAMS when absent. */
  passwordParams?: ScryptParams;
  now?: () => Date;
  logger?: { warn?(message: string, meta: Record<string, unknown>): void };
}): Router {
  const now = deps.now ?? (() => new Date());
  const passwordParams = deps.passwordParams ?? SCRYPT_PARAMS;
  const { User } = deps.models;
  const router = Router();
  router.use('/api/auth', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  /** One more consecutive failure of an existing account; the one that reaches the limit locks it. */
  const countFailure = async (userId: string) => {
    const after = await User.findOneAndUpdate(
      { _id: userId },
      { $inc: { failedLogins: 1 } },
      { returnDocument: 'after' },
    ).lean();
    if (after && !after.lockedAt && (after.failedLogins ?? 0) >= deps.settings.lockAfterFailures) {
      await User.updateOne({ _id: userId, lockedAt: null }, { $set: { lockedAt: now() } });
      deps.logger?.warn?.('account locked after failed sign-ins', { failures: after.failedLogins });
    }
  };

  router.post('/api/auth/login', async (req, res) => {
    const body = deps.validateBody<{ username: string; password: string }>('LoginRequest', req.body);
    const address = req.ip ?? 'unknown';
    const wait = await deps.throttle.attempt(body.username, address);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      throw new DomainError(429, 'too_many_attempts', {
        vi: `Đăng nhập sai quá nhiều lần; vui lòng thử lại sau ${wait} giây`,
        en: `Too many failed sign-ins; try again in ${wait} seconds`,
      });
    }
    const user = await User.findById(body.username).lean();
    const usable = user?.active === true && !user.lockedAt;
    const ok = await verifyPassword(
      body.password,
      usable ? user.passwordHash : await dummyPasswordHash(passwordParams),
    );
    if (!usable || !ok) {
      // Also for a username nobody has (the update matches nothing): the same round trips whatever the account.
      await countFailure(body.username);
      // Not recorded: the answer stays 401; the refusal's own event (error middleware) logs a failing database.
      await recordSecurityEvent(deps.models, { kind: 'login_failed', req, userId: user?._id ?? null }).catch(() => {});
      throw new UnauthorizedError(WRONG_CREDENTIALS);
    }
    await deps.throttle.succeeded(body.username, address);
    if ((user.failedLogins ?? 0) > 0) await User.updateOne({ _id: user._id }, { $set: { failedLogins: 0 } });
    if (needsRehash(user.passwordHash, passwordParams)) {
      // Conditional on the hash just verified: a password an administrator sets meanwhile is not overwritten.
      await User.updateOne(
        { _id: user._id, passwordHash: user.passwordHash },
        { $set: { passwordHash: await hashPassword(body.password, passwordParams) } },
      );
    }
    const tokens = await deps.sessions.open(user._id);
    await recordSecurityEvent(deps.models, { kind: 'login', req, userId: user._id });
    res.json(answer(tokens, user));
  });

  router.post('/api/auth/refresh', async (req, res) => {
    const body = deps.validateBody<{ refreshToken: string }>('RefreshRequest', req.body);
    const tokens = await deps.sessions.refresh(body.refreshToken);
    const user = tokens && (await User.findById(tokens.userId).lean());
    if (!tokens || !user?.active) {
      throw new UnauthorizedError({ vi: 'Phiên đăng nhập đã hết hạn', en: 'Session expired' });
    }
    res.json(answer(tokens, user));
  });

  router.post('/api/auth/logout', deps.authenticate, async (req, res) => {
    const { sessionId } = authenticatedUser(req);
    if (sessionId) await deps.sessions.revoke(sessionId);
    await recordSecurityEvent(deps.models, { kind: 'logout', req });
    res.status(204).end();
  });

  return router;
}
