// Browser-safe: fetch, Web Crypto (through oauth4webapi) and the Storage it is given.
import * as oauth from 'oauth4webapi';
import type { AuthConfig } from '../../../api-contract';

export type OidcProviderConfig = NonNullable<AuthConfig['oidc']>;

/** What the provider gave at sign-in or refresh. */
export interface OidcTokens {
  accessToken: string;
  /** When the access token expires (ISO 8601), from `expires_in`. */
  expiresAt: string;
  refreshToken?: string;
  idToken?: string;
}

/** The path the provider sends the browser back to (registered as the client's redirect URI). */
export const OIDC_CALLBACK_PATH = '/oidc/callback';
const PENDING_KEY = 'hoso-oidc-pending';

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

export interface OidcFlow {
  /** Leaves for the provider's sign-in page (authorization code + PKCE S256, state, nonce); `next`: where to return. */
  start(next: string): Promise<void>;
  /**
   * On {@link OIDC_CALLBACK_PATH}: checks `state` against the pending sign-in, exchanges the code at the token
   * endpoint (public client, the PKCE verifier) and checks the ID token's nonce. Throws on any mismatch or error
   * answer; the pending sign-in is used once either way.
   */
  complete(callbackUrl: URL): Promise<{ tokens: OidcTokens; next: string }>;
  /** A new access token for the refresh token (which the provider may rotate). Throws when it is refused. */
  refresh(refreshToken: string): Promise<OidcTokens>;
  /**
   * Revokes the refresh token when the provider offers a revocation endpoint. A failure is ignored: the app drops
   * its tokens anyway.
   */
  revoke(refreshToken: string): Promise<void>;
  /**
   * {@link revoke}, then leaves for the provider's end-session endpoint (RP-initiated logout), which returns to
   * `returnTo`; without one, stays here.
   */
  logout(tokens: { refreshToken?: string | undefined; idToken?: string | undefined }, returnTo: string): Promise<void>;
}

/**
 * The web app's OpenID Connect flow with oauth4webapi (by the author of jose and oidc-provider) against the
 * province's provider. The pending sign-in (state, nonce, verifier) lives in `pendingStorage` (sessionStorage: this
 * tab only) between leaving for the provider and coming back. http is allowed for a loopback provider only (tests).
 */
export function createOidcFlow(deps: {
  config: OidcProviderConfig;
  pendingStorage: Storage | undefined;
  origin: string;
  navigate(url: string): void;
  now?: () => number;
}): OidcFlow {
  const issuer = new URL(deps.config.issuer);
  const client: oauth.Client = { client_id: deps.config.clientId };
  const clientAuth = oauth.None();
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  const options = issuer.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
  const redirectUri = `${deps.origin}${OIDC_CALLBACK_PATH}`;
  const now = deps.now ?? Date.now;
  let server: Promise<oauth.AuthorizationServer> | undefined;
  const discovered = () =>
    (server ??= oauth
      .discoveryRequest(issuer, options)
      .then((answer) => oauth.processDiscoveryResponse(issuer, answer))
      .catch((error: unknown) => {
        server = undefined;
        throw error;
      }));
  const tokensOf = (answer: oauth.TokenEndpointResponse, previousRefresh?: string): OidcTokens => ({
    accessToken: answer.access_token,
    expiresAt: new Date(now() + (answer.expires_in ?? 300) * 1000).toISOString(),
    ...((answer.refresh_token ?? previousRefresh) ? { refreshToken: answer.refresh_token ?? previousRefresh } : {}),
    ...(answer.id_token ? { idToken: answer.id_token } : {}),
  });

  const flow: OidcFlow = {
    async start(next) {
      const as = await discovered();
      const pending: Pending = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        verifier: oauth.generateRandomCodeVerifier(),
        next,
      };
      deps.pendingStorage?.setItem(PENDING_KEY, JSON.stringify(pending));
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({
        client_id: client.client_id,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: deps.config.scopes.join(' '),
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        // OpenID Connect grants offline_access (a refresh token) only with prompt=consent.
        ...(deps.config.scopes.includes('offline_access') ? { prompt: 'consent' } : {}),
      }).toString();
      deps.navigate(url.toString());
    },

    async complete(callbackUrl) {
      const raw = deps.pendingStorage?.getItem(PENDING_KEY);
      deps.pendingStorage?.removeItem(PENDING_KEY);
      if (!raw) throw new Error('no pending sign-in');
      const pending = JSON.parse(raw) as Pending;
      const as = await discovered();
      const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
      const answer = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        redirectUri,
        pending.verifier,
        options,
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, answer, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      return { tokens: tokensOf(tokens), next: pending.next };
    },

    async refresh(refreshToken) {
      const as = await discovered();
      const answer = await oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, options);
      return tokensOf(await oauth.processRefreshTokenResponse(as, client, answer), refreshToken);
    },

    async revoke(refreshToken) {
      const as = await discovered();
      if (!as.revocation_endpoint) return;
      try {
        const answer = await oauth.revocationRequest(as, client, clientAuth, refreshToken, {
          ...options,
          additionalParameters: { token_type_hint: 'refresh_token' },
        });
        await oauth.processRevocationResponse(answer);
        await answer.text(); // read to the end: leaving the page next must not cut the answer off
      } catch {
        // the provider keeps a refresh token it would not revoke; this app has dropped it
      }
    },

    async logout(tokens, returnTo) {
      const as = await discovered();
      if (tokens.refreshToken) await flow.revoke(tokens.refreshToken);
      if (!as.end_session_endpoint) return;
      const url = new URL(as.end_session_endpoint);
      url.search = new URLSearchParams({
        client_id: client.client_id,
        post_logout_redirect_uri: returnTo,
        ...(tokens.idToken ? { id_token_hint: tokens.idToken } : {}),
      }).toString();
      deps.navigate(url.toString());
    },
  };
  return flow;
}
