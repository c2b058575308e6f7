import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../demo-accounts';

/** The engine's API as the bench's clients use it: POSTs as a signed-in demo user. */
export interface HttpApi {
  post(path: string, as: string, body: unknown): Promise<{ status: number; body: any }>;
}

/** Signs the users in once (demo password), then POSTs as any of them. */
export async function httpApi(baseUrl: string, usernames: readonly string[]): Promise<HttpApi> {
  const tokens = new Map<string, string>();
  for (const username of usernames) {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { token?: string };
    if (res.status !== 200 || !body.token)
      throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(body)}`);
    tokens.set(username, body.token);
  }
  return {
    // Every POST carries an Idempotency-Key, as the officer app's do.
    async post(path, as, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.get(as)}`,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}
