import { createLocalJWKSet, errors, type JSONWebKeySet, type JWSHeaderParameters, type KeyLike } from 'jose';

/** The HTTP GET the key set uses; `fetch` in production, a fake in unit tests. */
export type FetchJson = (url: string) => Promise<unknown>;

export interface ProviderKeys {
  /** A `jwtVerify` key resolver: the key of the token's `kid` from the provider's JWKS. */
  getKey(header: JWSHeaderParameters): Promise<KeyLike>;
}

/** Default fetcher: JSON over `fetch`, a non-2xx answer is an error; 5 s timeout. */
export const fetchJson: FetchJson = async (url) => {
  const answer = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  if (!answer.ok) throw new Error(`GET ${url} answered ${answer.status}`);
  return answer.json();
};

/**
 * The provider's signing keys, from the `jwks_uri` of its discovery document (`<issuer>/.well-known/openid-
 * configuration`, whose `issuer` must equal the configured one). Fetched on first use and kept; refetched when older
 * than `maxAgeMs`, and when a token names a `kid` the set does not hold (the provider rotated its keys) — at most
 * once per `cooldownMs`, so tokens with made-up `kid`s cannot make the API hammer the provider. A `kid` still
 * unknown after that is refused (jose's JWKSNoMatchingKey: the caller answers 401). A failed fetch throws (401 too);
 * the cooldown counts attempts, failed ones included, and a set already held is kept meanwhile.
 */
export function createProviderKeys(deps: {
  issuer: string;
  fetchJson?: FetchJson;
  now?: () => number;
  cooldownMs?: number;
  maxAgeMs?: number;
}): ProviderKeys {
  const get = deps.fetchJson ?? fetchJson;
  const now = deps.now ?? Date.now;
  const cooldownMs = deps.cooldownMs ?? 30_000;
  const maxAgeMs = deps.maxAgeMs ?? 10 * 60_000;
  let jwksUri: string | undefined;
  let keys: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = -Infinity;
  let attemptedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  const discover = async (): Promise<string> => {
    const base = deps.issuer.replace(/\/$/, '');
    const doc = (await get(`${base}/.well-known/openid-configuration`)) as { issuer?: unknown; jwks_uri?: unknown };
    if (doc.issuer !== deps.issuer || typeof doc.jwks_uri !== 'string') {
      throw new Error('the discovery document does not match the configured issuer');
    }
    return doc.jwks_uri;
  };
  const refresh = () => {
    inFlight ??= (async () => {
      attemptedAt = now();
      jwksUri ??= await discover();
      const set = (await get(jwksUri)) as JSONWebKeySet;
      keys = createLocalJWKSet(set);
      fetchedAt = now();
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async getKey(header) {
      if (!keys || now() - fetchedAt >= maxAgeMs) await refresh();
      try {
        return await keys!(header);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey) || now() - attemptedAt < cooldownMs) throw error;
        await refresh();
        return keys!(header);
      }
    },
  };
}
