import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Models } from '../../storage/create-models';
import { UnauthorizedError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { tokenDigest } from './create-authenticate';
import { verifyPassword } from './hash-password';
import { recordSecurityEvent } from '../security/record-security-event';
import type { LoginResponse } from '../../api-contract';

const SESSION_HOURS = 12;

/**
 * `POST /api/auth/login` `{ username, password }` → `{ token, expiresAt, user }`. Demo password login; a wrong
 * username and a wrong password get the same 401 so accounts cannot be probed.
 */
export function createAuthRouter(deps: { models: Models; validateBody: RequestValidator; now?: () => Date }): Router {
  const now = deps.now ?? (() => new Date());
  const router = Router();
  router.post('/api/auth/login', async (req, res) => {
    const body = deps.validateBody<{ username: string; password: string }>('LoginRequest', req.body);
    const user = await deps.models.User.findById(body.username).lean();
    const ok = user?.active === true && (await verifyPassword(body.password, user.passwordHash));
    if (!user || !ok) {
      // Not recorded: the answer stays 401; the refusal's own event (error middleware) logs a failing database.
      await recordSecurityEvent(deps.models, { kind: 'login_failed', req, userId: user?._id ?? null }).catch(() => {});
      throw new UnauthorizedError({ vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3600_000);
    await deps.models.Session.create({ _id: tokenDigest(token), userId: user._id, createdAt: now(), expiresAt });
    await recordSecurityEvent(deps.models, { kind: 'login', req, userId: user._id });
    res.json({
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user._id, displayName: user.displayName, grants: user.grants },
    } satisfies LoginResponse);
  });
  return router;
}
