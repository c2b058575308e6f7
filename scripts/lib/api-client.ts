import { DEMO_PASSWORD } from '../demo-accounts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read answers loosely
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small fetch wrapper for the tests and the demo loader: JSON in and out, a bearer token per user. */
export function apiClient(baseUrl: string) {
  const tokens = new Map<string, string>();
  /** Users whose password is not the demo password (made by a test through the administration API). */
  const passwords = new Map<string, string>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as ApiResponse
  async function call<T = any>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await token(options.as)}`;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  async function token(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const res = await call<{ token: string }>('POST', '/api/auth/login', {
      body: { username, password: passwords.get(username) ?? DEMO_PASSWORD },
    });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.token);
    return res.body.token;
  }
  /** `as: username` signs in with this password from now on. */
  const usePassword = (username: string, password: string) => void passwords.set(username, password);
  /** `as: username` uses this token from now on, without signing in (a test that opened the session itself). */
  const useToken = (username: string, accessToken: string) => void tokens.set(username, accessToken);
  return { call, token, usePassword, useToken };
}
