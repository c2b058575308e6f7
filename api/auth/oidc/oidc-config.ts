/** How the API trusts a province's OpenID provider (see docs/sign-in.md). */
export interface OidcConfig {
  /** The provider's issuer URL, exactly as its tokens' `iss` and its discovery document say it. */
  issuer: string;
  /** The web app's client id at the provider (a public client: authorization code + PKCE, no secret). */
  clientId: string;
  /** The `aud` the provider puts into access tokens meant for this API (never the client id: ID tokens carry that). */
  audience: string;
  /** The claim an administrator links a local user to (`preferred_username` or `sub`). */
  usernameClaim: 'preferred_username' | 'sub';
  /** The scopes the web app asks for. */
  scopes: string[];
}

const USERNAME_CLAIMS = ['preferred_username', 'sub'] as const;
export const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];

/**
 * The one place the OIDC settings are read: HOSO_OIDC_ISSUER, HOSO_OIDC_CLIENT_ID, HOSO_OIDC_AUDIENCE,
 * HOSO_OIDC_USERNAME_CLAIM. Undefined (single sign-on off) without an issuer; with one, a missing client id or
 * audience, an issuer that is not an https URL (http only on a loopback address, for tests and development) or an
 * unknown claim throws, so a half-configured API refuses to start rather than accepting the wrong tokens.
 */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuer = env.HOSO_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const url = new URL(issuer);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new RangeError('HOSO_OIDC_ISSUER must be an https URL');
  }
  const clientId = env.HOSO_OIDC_CLIENT_ID?.trim();
  const audience = env.HOSO_OIDC_AUDIENCE?.trim();
  if (!clientId || !audience) throw new RangeError('HOSO_OIDC_ISSUER needs HOSO_OIDC_CLIENT_ID and HOSO_OIDC_AUDIENCE');
  if (audience === clientId) throw new RangeError('HOSO_OIDC_AUDIENCE must differ from HOSO_OIDC_CLIENT_ID');
  const claim = env.HOSO_OIDC_USERNAME_CLAIM?.trim() || 'preferred_username';
  if (!(USERNAME_CLAIMS as readonly string[]).includes(claim)) {
    throw new RangeError(`HOSO_OIDC_USERNAME_CLAIM must be one of ${USERNAME_CLAIMS.join(', ')}`);
  }
  return { issuer, clientId, audience, usernameClaim: claim as OidcConfig['usernameClaim'], scopes: OIDC_SCOPES };
}
