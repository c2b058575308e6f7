import { useEffect } from 'react';
import type { Session } from '../session/session-store';
import type { OidcFlow } from './oidc-flow';

/** How long before the access token expires it is refreshed. */
const AHEAD_MS = 60_000;

/**
 * While a single sign-on session with a refresh token is open: refreshes the access token a minute before it
 * expires and hands the new session over (the provider may rotate the refresh token). A refused refresh (revoked,
 * the provider's session ended) ends the session like an expired one.
 */
export function useOidcRefresh(
  flow: OidcFlow | undefined,
  session: Session | undefined,
  onRefreshed: (session: Session) => void,
  onFailed: () => void,
): void {
  const refreshToken = session?.oidc?.refreshToken;
  const expiresAt = session?.expiresAt;
  useEffect(() => {
    if (!flow || !session || !refreshToken || !expiresAt) return;
    let cancelled = false;
    const delay = Math.max(0, Date.parse(expiresAt) - Date.now() - AHEAD_MS);
    const timer = setTimeout(() => {
      flow.refresh(refreshToken).then(
        (tokens) => {
          if (cancelled) return;
          onRefreshed({
            ...session,
            token: tokens.accessToken,
            expiresAt: tokens.expiresAt,
            oidc: { ...session.oidc, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}) },
          });
        },
        () => {
          if (!cancelled) onFailed();
        },
      );
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // The session object changes with every refresh; its token and expiry are what schedule the next one.
  }, [flow, refreshToken, expiresAt]);
}
