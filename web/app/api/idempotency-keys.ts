// Browser-safe and DOM-free.

/**
 * The `Idempotency-Key` of each POST the app sends. A request that got no final answer (a network failure, a 5xx,
 * a 429, a 409 `idempotency_in_progress`, a 202 still processing) is sent again with the same key, so the server
 * continues the first attempt instead of acting twice; any other answer settles it and the next request, even with
 * the same body, gets a new key. A changed body always gets a new key (the server refuses one key for two bodies).
 */
export interface IdempotencyKeys {
  keyFor(path: string, body: string): string;
  /** The request got a final answer: forget its key. */
  settle(path: string, body: string): void;
}

export function createIdempotencyKeys(randomKey: () => string): IdempotencyKeys {
  const pending = new Map<string, string>();
  const id = (path: string, body: string) => `${path}\n${body}`;
  return {
    keyFor(path, body) {
      const existing = pending.get(id(path, body));
      if (existing) return existing;
      // One unsettled request per path: a new body for the same path replaces the old one's key.
      for (const key of pending.keys()) if (key.startsWith(`${path}\n`)) pending.delete(key);
      const key = randomKey();
      pending.set(id(path, body), key);
      return key;
    },
    settle(path, body) {
      pending.delete(id(path, body));
    },
  };
}

/** Whether an answer leaves the request unfinished, so that a retry must reuse its key. */
export function isRetryableStatus(status: number | 'network', code?: string): boolean {
  return (
    status === 'network' ||
    status >= 500 ||
    status === 429 ||
    status === 202 ||
    (status === 409 && code === 'idempotency_in_progress')
  );
}
