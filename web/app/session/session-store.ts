// Browser-safe and DOM-free: takes the Storage to use.
import type { DraftStorage } from '../../shared/draft/create-draft-store';
import type { CurrentUser } from '../../../api-contract';

/**
 * What the app keeps of a login: the short-lived bearer token and when it expires, the refresh token that gets the
 * next one and when the session ends (`refreshExpiresAt`), and who it is.
 */
export interface Session {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  user: CurrentUser;
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
    typeof s.refreshToken === 'string' &&
    typeof s.refreshExpiresAt === 'string' &&
    typeof s.user?.id === 'string' &&
    Array.isArray(s.user.grants)
  );
};

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
        if (isSession(parsed) && Date.parse(parsed.refreshExpiresAt) > now.getTime()) return parsed;
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
