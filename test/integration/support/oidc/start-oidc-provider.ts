import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { findFreePort } from '../../../../scripts/servers/find-free-port';

export interface OidcTestUser {
  sub: string;
  username: string;
  password: string;
}

export interface OidcTestClient {
  client_id: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  token_endpoint_auth_method: 'none';
  grant_types: string[];
  response_types: string[];
}

/** A running provider (run-oidc-provider.mjs): its issuer, the signing key it uses now, and its controls. */
export interface OidcTestProvider {
  readonly issuer: string;
  /** The private signing key (JWK with `kid`) it signs with now. */
  readonly signingKey: JWK;
  /** Starts it again, same port and issuer, signing with a new key only: the old key is gone from its JWKS. */
  rotateKeys(): Promise<void>;
  stop(): Promise<void>;
}

const script = path.join(__dirname, 'run-oidc-provider.mjs');

/** A new RS256 key pair as a private JWK with a random `kid`. */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * Starts oidc-provider in a Node process of its own on `port` (a free one by default), with `clients`, `users` and
 * `audiences` (the first is the default `aud` of access tokens). `issuer`: another issuer URL than its own address
 * (a second provider claiming the first one's name); `signingKey`: a given key instead of a new one. Resolves once
 * it prints its ready line; rejects with its output if it exits first.
 */
export async function startOidcProvider(options: {
  port?: number;
  issuer?: string;
  signingKey?: JWK;
  audiences: string[];
  clients: OidcTestClient[];
  users: OidcTestUser[];
}): Promise<OidcTestProvider> {
  const port = options.port ?? (await findFreePort());
  const issuer = options.issuer ?? `http://127.0.0.1:${port}`;
  let signingKey = options.signingKey ?? (await newSigningKey());
  let child: ChildProcess | undefined;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const config = { port, issuer, jwks: { keys: [signingKey] }, ...options };
      const started = spawn(process.execPath, [script], {
        env: { ...process.env, OIDC_PROVIDER_CONFIG: JSON.stringify(config), NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('oidc-provider ready')) resolve();
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (process.env.HOSO_TEST_SERVER_LOGS) process.stderr.write(chunk);
      });
      started.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}): ${output}`)));
      child = started;
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await start();
  return {
    issuer,
    get signingKey() {
      return signingKey;
    },
    async rotateKeys() {
      await stop();
      signingKey = await newSigningKey();
      await start();
    },
    stop,
  };
}
