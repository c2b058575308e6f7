// Browser-safe: uses only `fetch`.
import type { LoginResponse } from '../../../api-contract';
import type { Session } from './session-store';

export type RefreshOutcome = 'refreshed' | 'refused' | 'unreachable';

export interface TokenRefresher {
  /**
   * Gets the session a new access token. Concurrent callers share one request (a refresh token is spent by its
   * first use, and the server ends the session when it sees it twice). `refused`: the session is over;
   * `unreachable`: no answer came (or it came for a session the tab no longer holds), the session may still be alive.
   */
  refresh(): Promise<RefreshOutcome>;
}

/** How long before its expiry an access token is refreshed before a call, rather than on the call's 401. */
export const REFRESH_MARGIN_MS = 5_000;

/**
 * Refreshes through `POST /api/auth/refresh`. Another tab may have refreshed first (the stored session then holds a
 * newer pair than this tab's): that pair is taken instead of spending the old refresh token again.
 */
export function createTokenRefresher(deps: {
  /** This tab's session. */
  current(): Session | undefined;
  /** The session as stored (shared by the tabs), if any. */
  stored(): Session | undefined;
  /** Keeps the new session (state and storage). */
  save(session: Session): void;
  now?: () => Date;
  fetch?: typeof fetch;
}): TokenRefresher {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const now = deps.now ?? (() => new Date());
  let inFlight: Promise<RefreshOutcome> | undefined;

  async function run(): Promise<RefreshOutcome> {
    const session = deps.current();
    if (!session) return 'refused';
    // Single sign-on: the provider's tokens are refreshed by web/app/auth/use-oidc-refresh.ts ahead of expiry; here
    // an access token still valid is left as it is, an expired one ends the session.
    if (session.refreshToken === undefined) {
      return Date.parse(session.expiresAt) > now().getTime() ? 'unreachable' : 'refused';
    }
    const stored = deps.stored();
    if (
      stored &&
      stored.refreshToken !== session.refreshToken &&
      stored.user.id === session.user.id &&
      Date.parse(stored.expiresAt) - REFRESH_MARGIN_MS > now().getTime()
    ) {
      deps.save(stored);
      return 'refreshed';
    }
    let answer: LoginResponse;
    try {
      const res = await doFetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
        credentials: 'omit',
      });
      // 401: spent, revoked or past its life; other refusals (a 429, a 5xx) leave the session to a later try.
      if (res.status === 401) return 'refused';
      if (!res.ok) return 'unreachable';
      answer = (await res.json()) as LoginResponse;
    } catch {
      return 'unreachable';
    }
    // Signed out (or another sign-in) while the answer was on its way: that session is no longer this tab's, and its
    // new tokens must not take the place of what the tab holds now.
    const holding = deps.current();
    if (!holding || holding.user.id !== session.user.id || holding.refreshToken !== session.refreshToken)
      return 'unreachable';
    deps.save({
      token: answer.token,
      expiresAt: answer.expiresAt,
      refreshToken: answer.refreshToken,
      refreshExpiresAt: answer.refreshExpiresAt,
      user: answer.user,
    });
    return 'refreshed';
  }

  return {
    refresh() {
      inFlight ??= run().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
