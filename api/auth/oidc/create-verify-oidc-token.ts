import { errors, jwtVerify } from 'jose';
import type { Models } from '../../../storage/create-models';
import { ForbiddenError, UnauthorizedError } from '../../errors';
import type { AuthenticatedUser } from '../authenticated-user';
import type { OidcConfig } from './oidc-config';
import { oidcSubjectOf } from './oidc-subject-of';
import type { ProviderKeys } from './create-provider-keys';

/** Resolves a provider's access token to the local user it is linked to; see {@link createVerifyOidcToken}. */
export type VerifyOidcToken = (token: string) => Promise<AuthenticatedUser>;

/** Asymmetric signatures only: never `none`, never an HMAC keyed with something public. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
export const OIDC_CLOCK_TOLERANCE_SECONDS = 30;

const expired = { vi: 'Phiên đăng nhập đã hết hạn', en: 'Session expired' };
const notEnabled = {
  vi: 'Tài khoản chưa được kích hoạt tại hệ thống này; đề nghị quản trị viên liên kết tài khoản',
  en: 'Account not enabled here; ask an administrator to link your account',
};

/**
 * Bearer verification of the provider's access tokens (JWT): signature by a key of the provider's JWKS (rotation:
 * see createProviderKeys), `iss` equal to the configured issuer, `aud` containing the configured audience, `exp`
 * (and `nbf`/`iat`) with {@link OIDC_CLOCK_TOLERANCE_SECONDS} of skew. Any of those wrong, or a JWKS that cannot be
 * fetched, is a 401 (the provider's outage is logged by the caller's error path, not retried here).
 *
 * The token then names a person, not a grant: the user is the one an administrator linked to this issuer and the
 * value of the configured username claim (`oidcSubject`). No linked user → 403 "account not enabled here" (never
 * created here, so grants stay managed by administrators); an inactive user → 401 like a password login. Only
 * linked accounts are accepted, never a local user whose username happens to equal the claim: whoever can set a
 * username at the provider must not be able to take over an account here.
 */
export function createVerifyOidcToken(deps: {
  config: OidcConfig;
  keys: ProviderKeys;
  models: Models;
  now?: () => Date;
}): VerifyOidcToken {
  const { config } = deps;
  return async (token) => {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, (header) => deps.keys.getKey(header), {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: OIDC_CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
        ...(deps.now ? { currentDate: deps.now() } : {}),
      }));
    } catch (error) {
      throw error instanceof errors.JWTExpired
        ? new UnauthorizedError(expired)
        : Object.assign(new UnauthorizedError(), { cause: error });
    }
    const value = claims[config.usernameClaim];
    if (typeof value !== 'string' || value.length === 0) throw new ForbiddenError(notEnabled);
    const user = await deps.models.User.findOne({ oidcSubject: oidcSubjectOf(config.issuer, value) }).lean();
    if (!user) throw new ForbiddenError(notEnabled);
    if (!user.active) throw new UnauthorizedError();
    return {
      id: user._id,
      displayName: user.displayName,
      ...(user.displayNameEn ? { displayNameEn: user.displayNameEn } : {}),
      grants: user.grants,
    };
  };
}
