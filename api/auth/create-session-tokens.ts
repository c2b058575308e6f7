import { randomBytes, randomUUID } from 'node:crypto';
import type { Models } from '../../storage/create-models';
import type { SessionDoc } from '../../storage/session-schema';
import type { SignInSettings } from './sign-in-settings';
import { tokenDigest } from './token-digest';

/** The tokens a login or a refresh hands out; the refresh token is never stored, only its digest. */
export interface IssuedTokens {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface SessionTokens {
  /** Starts a session for the user. */
  open(userId: string): Promise<IssuedTokens>;
  /** The live session of an access token, or undefined (unknown, revoked, the access or the session expired). */
  resolve(accessToken: string): Promise<SessionDoc | undefined>;
  /**
   * A new pair for a refresh token, or undefined. A refresh token already rotated away (presented a second time:
   * copied by someone) ends its whole session, so neither the thief's nor the owner's tokens work afterwards.
   */
  refresh(refreshToken: string): Promise<(IssuedTokens & { userId: string }) | undefined>;
  /** Ends the session (logout). */
  revoke(sessionId: string): Promise<void>;
}

const newToken = () => randomBytes(32).toString('base64url');
const SWEEP_EVERY_MS = 60_000;

/**
 * Sessions in `sessions` (see SessionDoc). A refresh is one conditional update on the current refresh digest, so of
 * two concurrent refreshes with one token exactly one gets the new pair; the other then finds the token among the
 * rotated ones and ends the session, as for any reuse. Expired sessions are removed, at most once a minute per
 * process, when a session is opened.
 */
export function createSessionTokens(deps: {
  models: Models;
  settings: Pick<SignInSettings, 'accessTokenSeconds' | 'sessionHours'>;
  now?: () => Date;
  onSweepError?: (error: unknown) => void;
}): SessionTokens {
  const { Session } = deps.models;
  const now = deps.now ?? (() => new Date());
  let sweptAt = 0;
  const accessUntil = (t: Date, sessionEnd: Date) =>
    new Date(Math.min(t.getTime() + deps.settings.accessTokenSeconds * 1000, sessionEnd.getTime()));

  return {
    async open(userId) {
      const t = now();
      if (t.getTime() - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = t.getTime();
        Session.deleteMany({ expiresAt: { $lte: t } }).catch((error: unknown) => deps.onSweepError?.(error));
      }
      const token = newToken();
      const refreshToken = newToken();
      const expiresAt = new Date(t.getTime() + deps.settings.sessionHours * 3600_000);
      const accessExpiresAt = accessUntil(t, expiresAt);
      await Session.create({
        _id: randomUUID(),
        userId,
        createdAt: t,
        expiresAt,
        accessDigest: tokenDigest(token),
        accessExpiresAt,
        refreshDigest: tokenDigest(refreshToken),
        rotatedDigests: [],
      });
      return { token, expiresAt: accessExpiresAt, refreshToken, refreshExpiresAt: expiresAt };
    },

    async resolve(accessToken) {
      const session = await Session.findOne({ accessDigest: tokenDigest(accessToken) }).lean();
      const t = now();
      if (!session || session.accessExpiresAt <= t || session.expiresAt <= t) return undefined;
      return session;
    },

    async refresh(refreshToken) {
      const digest = tokenDigest(refreshToken);
      const t = now();
      const token = newToken();
      const next = newToken();
      const session = await Session.findOne({ refreshDigest: digest }).lean();
      if (session && session.expiresAt > t) {
        const accessExpiresAt = accessUntil(t, session.expiresAt);
        const rotated = await Session.updateOne(
          { _id: session._id, refreshDigest: digest },
          {
            $set: { accessDigest: tokenDigest(token), accessExpiresAt, refreshDigest: tokenDigest(next) },
            $push: { rotatedDigests: digest },
          },
        );
        if (rotated.modifiedCount === 1) {
          return {
            userId: session.userId,
            token,
            expiresAt: accessExpiresAt,
            refreshToken: next,
            refreshExpiresAt: session.expiresAt,
          };
        }
      }
      // Not the current refresh token of a live session: if it was one once, it has been used twice: end it.
      await Session.deleteMany({ rotatedDigests: digest });
      return undefined;
    },

    async revoke(sessionId) {
      await Session.deleteOne({ _id: sessionId });
    },
  };
}
