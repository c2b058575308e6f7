import { createHash, randomBytes } from 'node:crypto';

export interface ProviderTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
}

export const discover = async (issuer: string): Promise<Discovery> =>
  (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Discovery;

/**
 * The authorization code flow with PKCE (S256) as a browser would run it, over plain HTTP with a cookie jar: the
 * authorization request, the provider's sign-in form posted with `username` and `password`, its redirects (consent
 * is automatic) up to `redirectUri`, whose `state` is checked, then the code exchanged at the token endpoint as a
 * public client. `resource`: ask for an access token for another audience. Throws with the provider's answer when
 * a step goes wrong (a wrong password stays on the form).
 */
export async function signInAtProvider(options: {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  scope?: string;
  resource?: string;
}): Promise<ProviderTokens> {
  const endpoints = await discover(options.issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const answer = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of answer.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return answer;
  };
  const follow = async (first: Response): Promise<string> => {
    let answer = first;
    for (let hops = 0; hops < 10; hops++) {
      const location = answer.headers.get('location');
      if (!location) throw new Error(`provider answered ${answer.status}: ${await answer.text()}`);
      const next = new URL(location, answer.url || options.issuer).toString();
      if (next.startsWith(options.redirectUri)) return next;
      answer = await request(next);
      if (answer.status === 200) return next;
    }
    throw new Error('too many redirects at the provider');
  };

  const authorize = new URL(endpoints.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile offline_access',
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    prompt: 'consent',
    ...(options.resource ? { resource: options.resource } : {}),
  }).toString();
  const loginPage = await follow(await request(authorize.toString()));
  const posted = await request(`${new URL(loginPage).origin}${new URL(loginPage).pathname}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: options.username, password: options.password }).toString(),
  });
  const back = new URL(await follow(posted));
  if (back.searchParams.get('state') !== state) throw new Error(`state mismatch: ${back.toString()}`);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.toString()}`);
  return tokenRequest(endpoints.token_endpoint, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: options.redirectUri,
    client_id: options.clientId,
    code_verifier: verifier,
  });
}

/** A POST to the token endpoint as a public client; throws with the provider's error answer. */
export async function tokenRequest(tokenEndpoint: string, form: Record<string, string>): Promise<ProviderTokens> {
  const answer = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const body = (await answer.json()) as ProviderTokens & { error?: string };
  if (!answer.ok) throw Object.assign(new Error(`token endpoint: ${answer.status} ${body.error}`), { body });
  return body;
}
