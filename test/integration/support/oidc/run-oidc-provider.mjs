// A real OpenID provider for the tests: oidc-provider (ESM-only, hence a child process of its own, started by
// start-oidc-provider.ts). Configuration comes as JSON in OIDC_PROVIDER_CONFIG:
//   { port, issuer, jwks: { keys: [private JWK] }, audiences: [resource indicator = aud], clients: [...],
//     users: [{ sub, username, password }] }
// Access tokens are JWTs for the first audience (or the `resource` asked for), with `preferred_username`; refresh
// tokens need `offline_access`; PKCE (S256) is required; revocation and RP-initiated logout are on. The sign-in
// page is a plain form that checks the username and password; consent is given without asking. Prints
// `oidc-provider ready <issuer>` once listening. Keys rotate by starting it again with another JWKS.
import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_PROVIDER_CONFIG ?? '{}');
const users = new Map(config.users.map((user) => [user.sub, user]));

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: config.jwks,
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'offline_access'],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name'] },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    // The default pages load a web font from the internet; these are plain (the tests' browser talks to no one else).
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title></head>
<body><main><h1>Sign out of the province?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></main></body></html>`;
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (_ctx, _client, oneOf) => oneOf ?? config.audiences[0],
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, indicator) => {
        if (!config.audiences.includes(indicator)) throw new Error(`unknown resource ${indicator}`);
        return { scope: 'api', audience: indicator, accessTokenFormat: 'jwt', accessTokenTTL: 3600 };
      },
    },
  },
  extraTokenClaims: async (_ctx, token) =>
    token.kind === 'AccessToken' ? { preferred_username: users.get(token.accountId)?.username } : undefined,
  findAccount: async (_ctx, sub) => {
    const user = users.get(sub);
    return user
      ? { accountId: sub, claims: async () => ({ sub, preferred_username: user.username, name: user.username }) }
      : undefined;
  },
  issueRefreshToken: async (_ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 86400, Session: 86400, Grant: 86400, Interaction: 600 },
  cookies: { keys: ['test-cookie-key'] },
});
provider.proxy = false;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const loginPage = (uid, error) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Province sign-in</title></head>
<body><main><h1>Province sign-in</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="username">Username</label><input id="username" name="username" autocomplete="username">
<label for="password">Password</label><input id="password" name="password" type="password">
<button type="submit">Sign in</button></form></main></body></html>`;

const readForm = async (req) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
};

/** Consent without asking: every scope and resource scope the client asked for. */
async function consent(req, res, details) {
  const { prompt, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
  if (req.url === '/favicon.ico') return res.writeHead(204).end();
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') return await consent(req, res, details);
    if (!match[2] || req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
      return;
    }
    const form = await readForm(req);
    const user = config.users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
    if (!user) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(loginPage(details.uid, 'Wrong username or password'));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error?.message ?? error));
  }
});
server.listen(config.port, '127.0.0.1', () => console.log(`oidc-provider ready ${config.issuer}`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
