import { exportJWK, generateKeyPair, errors, type JWK } from 'jose';
import { createProviderKeys } from '../../../../../api/auth/oidc';

const ISSUER = 'https://idp.example.gov.vn/realms/hn';
const JWKS_URI = `${ISSUER}/jwks`;

const publicKey = async (kid: string): Promise<JWK> => {
  const { publicKey: key } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(key)), kid, alg: 'RS256', use: 'sig' };
};

/** A fake provider: its discovery document and a key set the test changes; every GET counted. */
function fakeProvider(keys: JWK[], discovery: Record<string, unknown> = { issuer: ISSUER, jwks_uri: JWKS_URI }) {
  const provider = {
    keys,
    gets: [] as string[],
    fail: false,
    fetchJson: async (url: string) => {
      provider.gets.push(url);
      if (provider.fail) throw new Error('connection refused');
      if (url === `${ISSUER}/.well-known/openid-configuration`) return discovery;
      if (url === JWKS_URI) return { keys: provider.keys };
      throw new Error(`unexpected GET ${url}`);
    },
  };
  return provider;
}

describe('createProviderKeys', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('fetches the JWKS named by the discovery document once, and finds a key by kid', async () => {
    const provider = fakeProvider([await publicKey('a')]);
    const keys = createProviderKeys({ issuer: ISSUER, fetchJson: provider.fetchJson, now });
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    expect(provider.gets).toEqual([`${ISSUER}/.well-known/openid-configuration`, JWKS_URI]);
  });

  it('refetches for an unknown kid at most once per cooldown, and refuses a kid still unknown', async () => {
    const provider = fakeProvider([await publicKey('a')]);
    const keys = createProviderKeys({ issuer: ISSUER, fetchJson: provider.fetchJson, now, cooldownMs: 30_000 });
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    provider.keys = [await publicKey('b')];
    await expect(keys.getKey({ alg: 'RS256', kid: 'b' })).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(provider.gets.filter((u) => u === JWKS_URI)).toHaveLength(1);
    clock += 30_000;
    await keys.getKey({ alg: 'RS256', kid: 'b' });
    expect(provider.gets.filter((u) => u === JWKS_URI)).toHaveLength(2);
    // Made-up kids in a burst: one refetch per cooldown, not one per token.
    clock += 30_000;
    for (const kid of ['x', 'y', 'z']) {
      await expect(keys.getKey({ alg: 'RS256', kid })).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    }
    expect(provider.gets.filter((u) => u === JWKS_URI)).toHaveLength(3);
  });

  it('refetches a set older than its maximum age', async () => {
    const provider = fakeProvider([await publicKey('a')]);
    const keys = createProviderKeys({ issuer: ISSUER, fetchJson: provider.fetchJson, now, maxAgeMs: 600_000 });
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    clock += 599_999;
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    clock += 1;
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    expect(provider.gets.filter((u) => u === JWKS_URI)).toHaveLength(2);
  });

  it('refuses a discovery document of another issuer', async () => {
    const provider = fakeProvider([await publicKey('a')], { issuer: 'https://evil.example', jwks_uri: JWKS_URI });
    const keys = createProviderKeys({ issuer: ISSUER, fetchJson: provider.fetchJson, now });
    await expect(keys.getKey({ alg: 'RS256', kid: 'a' })).rejects.toThrow(/does not match the configured issuer/);
  });

  it('keeps the set it holds when a refetch fails, and tries again after the cooldown', async () => {
    const provider = fakeProvider([await publicKey('a')]);
    const keys = createProviderKeys({ issuer: ISSUER, fetchJson: provider.fetchJson, now, cooldownMs: 30_000 });
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    provider.fail = true;
    clock += 30_000;
    await expect(keys.getKey({ alg: 'RS256', kid: 'b' })).rejects.toThrow('connection refused');
    await expect(keys.getKey({ alg: 'RS256', kid: 'b' })).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect(provider.gets.filter((u) => u === JWKS_URI)).toHaveLength(2);
    await keys.getKey({ alg: 'RS256', kid: 'a' });
    provider.fail = false;
    clock += 30_000;
    provider.keys = [await publicKey('b')];
    await keys.getKey({ alg: 'RS256', kid: 'b' });
  });
});
