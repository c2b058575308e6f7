import { DEMO_PASSWORD } from '../../../scripts/demo-accounts';

/** A final answer: its status, its body (parsed JSON, or the bytes for a download) and how many sends it took. */
export interface FinalAnswer {
  status: number;
  body: any;
  attempts: number;
}

/** A JSON `body`, or `bytes` sent as they are with their content type (a file upload); `key`: the Idempotency-Key. */
export interface CallOptions {
  body?: unknown;
  bytes?: { contentType: string; data: Buffer };
  key?: string;
}

export interface RetryingClient {
  /**
   * Sends the request as the demo user `as` and sends it again, with the same Idempotency-Key, after a refused or
   * reset connection, a 5xx, a 202, a 429 or `idempotency_in_progress` (the outcome is unknown, or not final yet),
   * until it gets a final answer; rejects once `deadlineMs` has passed since the first send.
   */
  call(as: string, method: string, path: string, options?: CallOptions): Promise<FinalAnswer>;
  /** A GET whose answer is read as bytes (a PDF, a workbook), retried like `call`. */
  download(as: string, path: string): Promise<{ status: number; body: Buffer }>;
  /** How many sends were repeated, by reason (`network`, `http 202`, `idempotency_in_progress`…). */
  retries: Record<string, number>;
  /** Ends every retry loop: a request still waiting for its final answer rejects (after a failed test). */
  stop(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An HTTP client of the demo users for tests that take processes down while requests run: what an officer's app
 * does when an answer is lost, repeating the same request with the same key until the answer is final.
 */
export function createRetryingClient(baseUrl: string, deadlineMs = 300_000): RetryingClient {
  const tokens = new Map<string, Promise<string>>();
  const retries: Record<string, number> = {};
  let stopped = false;

  function token(user: string): Promise<string> {
    let pending = tokens.get(user);
    if (!pending) {
      pending = (async () => {
        const answer = await call(undefined, 'POST', '/api/auth/login', {
          body: { username: user, password: DEMO_PASSWORD },
        });
        if (answer.status !== 200) throw new Error(`login of ${user}: ${answer.status}`);
        return answer.body.token as string;
      })();
      tokens.set(user, pending);
      pending.catch(() => tokens.delete(user));
    }
    return pending;
  }

  async function send(as: string | undefined, method: string, path: string, options: CallOptions): Promise<Response> {
    const { body, bytes, key } = options;
    const headers: Record<string, string> = { 'content-type': bytes?.contentType ?? 'application/json' };
    if (as) headers.authorization = `Bearer ${await token(as)}`;
    if (key) headers['idempotency-key'] = key;
    return fetch(`${baseUrl}${path}`, {
      method,
      headers,
      signal: AbortSignal.timeout(90_000),
      ...(bytes ? { body: bytes.data } : body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** Why an answer must be sent again, or undefined when it is final. */
  function retryReason(status: number, body: any): string | undefined {
    if (status >= 500 || status === 202 || status === 429) return `http ${status}`;
    if (status === 409 && body?.error?.code === 'idempotency_in_progress') return 'idempotency_in_progress';
    return undefined;
  }

  async function untilFinal<T>(
    what: string,
    attempt: () => Promise<{ status: number; body: T; parsed: any }>,
  ): Promise<{ status: number; body: T; attempts: number }> {
    const started = Date.now();
    for (let n = 1; ; n++) {
      let reason: string | undefined;
      try {
        const { status, body, parsed } = await attempt();
        reason = retryReason(status, parsed);
        if (!reason) return { status, body, attempts: n };
      } catch {
        reason = 'network';
      }
      retries[reason] = (retries[reason] ?? 0) + 1;
      if (stopped) throw new Error(`${what}: the client was stopped`);
      if (Date.now() - started > deadlineMs) throw new Error(`${what}: no final answer after ${n} sends (${reason})`);
      await sleep(Math.min(2000, 100 * 2 ** Math.min(n, 5)));
    }
  }

  async function call(
    as: string | undefined,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<FinalAnswer> {
    return untilFinal(`${method} ${path}`, async () => {
      const res = await send(as, method, path, options);
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: res.status, body: parsed, parsed };
    });
  }

  return {
    call: (as, method, path, options) => call(as, method, path, options),
    async download(as, path) {
      return untilFinal(`GET ${path}`, async () => {
        const res = await send(as, 'GET', path, {});
        const body = Buffer.from(await res.arrayBuffer());
        return { status: res.status, body, parsed: res.ok ? undefined : safeJson(body) };
      });
    },
    retries,
    stop: () => {
      stopped = true;
    },
  };
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
