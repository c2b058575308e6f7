import type { RateLimiter } from '../embed/create-rate-limiter';
import type { SignInSettings } from './sign-in-settings';
import { tokenDigest } from './token-digest';

export interface LoginThrottle {
  /**
   * Counts a sign-in attempt against the account and the client address before any password is checked, so that
   * concurrent attempts cannot all pass a check made before the others are counted. Resolves to the seconds to
   * wait when either is over its limit (the attempt is then refused unchecked), else 0.
   */
  attempt(username: string, address: string): Promise<number>;
  /** The attempt succeeded: taken back from the address's count, and the account's window starts again. */
  succeeded(username: string, address: string): Promise<void>;
}

/**
 * Failed sign-ins counted per account and per client address in fixed windows of the database-backed rate limiter,
 * so every API process sees the same counts. Keys are digests: neither a username (people type passwords into that
 * field) nor an address is stored as typed.
 */
export function createLoginThrottle(deps: {
  limiter: RateLimiter;
  settings: Pick<SignInSettings, 'failuresPerAccount' | 'failuresPerAddress'>;
}): LoginThrottle {
  const accountKey = (username: string) => `login-account:${tokenDigest(username)}`;
  const addressKey = (address: string) => `login-address:${tokenDigest(address)}`;
  const { limiter, settings } = deps;
  return {
    async attempt(username, address) {
      const waits = await Promise.all([
        limiter.hit(accountKey(username), settings.failuresPerAccount),
        limiter.hit(addressKey(address), settings.failuresPerAddress),
      ]);
      return Math.max(...waits);
    },
    async succeeded(username, address) {
      await Promise.all([limiter.reset(accountKey(username)), limiter.undo(addressKey(address))]);
    },
  };
}
