// Browser-safe and DOM-free: takes the Storage to use.
import type { DraftStorage } from '../../shared/draft/create-draft-store';
import type { CurrentUser } from '../../../api-contract';

/**
 * What the app keeps of a login: the short-lived bearer token and when it expires, the refresh token that gets the
 * next one and when the session ends (`refreshExpiresAt`), and who it is. A single sign-on session has no refresh
 * token of ours: its `oidc` tokens are the provider's (refreshed by web/app/auth/use-oidc-refresh.ts).
 */
export interface Session {
  token: string;
  expiresAt: string;
  /** A password sign-in's refresh token and session end (POST /api/auth/refresh); absent for single sign-on. */
  refreshToken?: string;
  refreshExpiresAt?: string;
  user: CurrentUser;
  /** A single sign-on session (web/app/auth): the provider's refresh and ID tokens, for refresh and logout. */
  oidc?: { refreshToken?: string; idToken?: string };
}

export interface SessionStore {
  /**
   * The stored session if it can still be used at `now` (its refresh token has not expired: an expired access token
   * is refreshed); an ended or unreadable one is removed and undefined.
   */
  load(now: Date): Session | undefined;
  save(session: Session): void;
  clear(): void;
}

const KEY = 'hoso-app-session';

const isSession = (value: unknown): value is Session => {
  const s = value as Partial<Session> | null;
  return (
    typeof s?.token === 'string' &&
    typeof s.expiresAt === 'string' &&
    ((typeof s.refreshToken === 'string' && typeof s.refreshExpiresAt === 'string') ||
      (typeof s.oidc === 'object' && s.oidc !== null)) &&
    typeof s.user?.id === 'string' &&
    Array.isArray(s.user.grants)
  );
};

/**
 * Until when a stored session can still be used: a password sign-in's session end; a single sign-on session's
 * access token (the provider's refresh token is used before it expires, by the page that holds it).
 */
const usableUntil = (s: Session): string => s.refreshExpiresAt ?? s.expiresAt;

/**
 * The login kept in `storage` (localStorage), so a reload or a second tab stays signed in until the session ends.
 * The server stays the judge: a 401 from any call ends the session too (see createAppApiClient).
 */
export function createSessionStore(storage: DraftStorage | undefined): SessionStore {
  const store: SessionStore = {
    load(now) {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as unknown;
        if (isSession(parsed) && Date.parse(usableUntil(parsed)) > now.getTime()) return parsed;
      } catch {
        // unreadable: treated as signed out
      }
      store.clear();
      return undefined;
    },
    save(session) {
      try {
        storage?.setItem(KEY, JSON.stringify(session));
      } catch {
        // the session lasts for this page only
      }
    },
    clear() {
      try {
        storage?.removeItem(KEY);
      } catch {
        // nothing stored
      }
    },
  };
  return store;
}
