import { looksLikeJwt, oidcConfigFromEnv, OIDC_SCOPES } from '../../../../../api/auth/oidc';

const base = {
  HOSO_OIDC_ISSUER: 'https://sso.hanoi.gov.vn/realms/motcua',
  HOSO_OIDC_CLIENT_ID: 'hoso-web',
  HOSO_OIDC_AUDIENCE: 'hoso-api',
};

describe('oidcConfigFromEnv', () => {
  it('is off without an issuer', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
    expect(oidcConfigFromEnv({ HOSO_OIDC_CLIENT_ID: 'x', HOSO_OIDC_ISSUER: ' ' })).toBeUndefined();
  });

  it('reads the issuer, client, audience and username claim (preferred_username by default)', () => {
    expect(oidcConfigFromEnv(base)).toEqual({
      issuer: base.HOSO_OIDC_ISSUER,
      clientId: 'hoso-web',
      audience: 'hoso-api',
      usernameClaim: 'preferred_username',
      scopes: OIDC_SCOPES,
    });
    expect(oidcConfigFromEnv({ ...base, HOSO_OIDC_USERNAME_CLAIM: 'sub' })?.usernameClaim).toBe('sub');
  });

  it.each([
    ['a missing client id', { ...base, HOSO_OIDC_CLIENT_ID: '' }, /HOSO_OIDC_CLIENT_ID/],
    ['a missing audience', { ...base, HOSO_OIDC_AUDIENCE: undefined }, /HOSO_OIDC_AUDIENCE/],
    ['an audience equal to the client id', { ...base, HOSO_OIDC_AUDIENCE: 'hoso-web' }, /must differ/],
    ['a plain-http issuer', { ...base, HOSO_OIDC_ISSUER: 'http://sso.hanoi.gov.vn' }, /https/],
    ['an unknown claim', { ...base, HOSO_OIDC_USERNAME_CLAIM: 'email' }, /HOSO_OIDC_USERNAME_CLAIM/],
  ])('refuses to start with %s', (_what, env, message) => {
    expect(() => oidcConfigFromEnv(env)).toThrow(message);
  });

  it('allows plain http on a loopback issuer (tests, development)', () => {
    expect(oidcConfigFromEnv({ ...base, HOSO_OIDC_ISSUER: 'http://127.0.0.1:4000' })?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });
});

describe('looksLikeJwt', () => {
  it.each([
    ['Bearer aaa.bbb.ccc', 'aaa.bbb.ccc'],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
    ['Bearer abcdefghijklmnopqrstuvwxyz', undefined], // an opaque session token
    ['Bearer aaa.bbb', undefined],
    ['Bearer aaa.bbb.ccc.ddd', undefined],
    ['Bearer aaa..ccc', undefined],
    ['Basic aaa.bbb.ccc', undefined],
    [`Bearer a.${'b'.repeat(9000)}.c`, undefined],
  ])('%s → %s', (header, token) => {
    expect(looksLikeJwt(header)).toBe(token);
  });
});
