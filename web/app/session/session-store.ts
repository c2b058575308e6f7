// Browser-safe and DOM-free: takes the Storage to use.
import type { DraftStorage } from '../../shared/draft/create-draft-store';
import type { CurrentUser } from '../../../api-contract';

/** What the app keeps of a login: the bearer token, when it expires, and who it is. */
export interface Session {
  token: string;
  expiresAt: string;
  user: CurrentUser;
  /** A single sign-on session (web/app/auth): the provider's refresh and ID tokens, for refresh and logout. */
  oidc?: { refreshToken?: string; idToken?: string };
}

export interface SessionStore {
  /** The stored session if it is still valid at `now`; an expired or unreadable one is removed and undefined. */
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
    typeof s.user?.id === 'string' &&
    Array.isArray(s.user.grants)
  );
};

/**
 * The login kept in `storage` (localStorage), so a reload or a second tab stays signed in until the token expires.
 * The server stays the judge: a 401 from any call ends the session too (see createAppApiClient).
 */
export function createSessionStore(storage: DraftStorage | undefined): SessionStore {
  const store: SessionStore = {
    load(now) {
      try {
        const raw = storage?.getItem(KEY);
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as unknown;
        if (isSession(parsed) && Date.parse(parsed.expiresAt) > now.getTime()) return parsed;
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
