import type { RateLimiter } from '../embed/create-rate-limiter';
import type { SignInSettings } from './sign-in-settings';
import { tokenDigest } from './token-digest';

export interface LoginThrottle {
  /** Seconds to wait before this account may be tried from this address, or 0: checked before any password. */
  retryAfter(username: string, address: string): Promise<number>;
  /** Counts one failed sign-in against the account and the address. */
  failed(username: string, address: string): Promise<void>;
  /** A successful sign-in: the account's count in this window starts again (the address's does not). */
  succeeded(username: string): Promise<void>;
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
    async retryAfter(username, address) {
      const waits = await Promise.all([
        limiter.check(accountKey(username), settings.failuresPerAccount),
        limiter.check(addressKey(address), settings.failuresPerAddress),
      ]);
      return Math.max(...waits);
    },
    async failed(username, address) {
      await Promise.all([
        limiter.hit(accountKey(username), settings.failuresPerAccount),
        limiter.hit(addressKey(address), settings.failuresPerAddress),
      ]);
    },
    async succeeded(username) {
      await limiter.reset(accountKey(username));
    },
  };
}
