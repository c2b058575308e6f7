// Browser-safe: uses only `fetch` and `crypto.getRandomValues`.
import type { Lang } from '../../shared/i18n/lang';
import type { ApiFieldError, OverlapItem } from '../../../api-contract';
import type { RefreshOutcome } from '../session/create-token-refresher';
import { createIdempotencyKeys, isRetryableStatus } from './idempotency-keys';
import { readWithProgress } from './read-with-progress';

/** An API answer as a value, never a rejection: `network` when no answer came. */
export type ApiResult<T> =
  | { ok: true; status: number; value: T }
  | {
      ok: false;
      status: number | 'network';
      code: string;
      message: string;
      fields: ApiFieldError[];
      /** 409 `OverlapFound`: the overlapping dossiers (docs/overlap-checks.md). */
      overlaps?: OverlapItem[];
    };

export interface AppApiClient {
  get<T>(path: string): Promise<ApiResult<T>>;
  /**
   * GETs a file (a PDF) with the session's token, as a Blob; `onProgress` hears the bytes received so far and the
   * total when the server gives it (a long export's progress bar).
   */
  getBlob(
    path: string,
    accept: string,
    onProgress?: (received: number, total: number | null) => void,
  ): Promise<ApiResult<Blob>>;
  /**
   * POSTs `body` as JSON. With `idempotent`, an `Idempotency-Key` goes with it: the same key again if the previous
   * attempt with this body got no final answer (see createIdempotencyKeys), a fresh one otherwise.
   */
  post<T>(path: string, body: unknown, options?: { idempotent?: boolean }): Promise<ApiResult<T>>;
  /** PATCHes `body` as JSON (a partial change; sending it twice changes nothing more). */
  patch<T>(path: string, body: unknown): Promise<ApiResult<T>>;
  /** PUTs `body` as JSON (a whole replacement; sending it twice changes nothing more). */
  put<T>(path: string, body: unknown): Promise<ApiResult<T>>;
  /**
   * Ends the session on the server (`POST /api/auth/logout`) once the calls on their way have their answers (at most
   * SIGN_OUT_WAIT_MS), or at once when the page is left in the meantime (reloaded, closed, another address: sent with
   * `keepalive`, so it outlives the page); never calls onUnauthorized, whatever the answer. `wait: false`: the
   * logout is sent at once, within the call (the page is about to be left, e.g. for the provider's end-session).
   */
  signOut(how?: { wait?: boolean }): Promise<void>;
}

export interface AppApiClientOptions {
  /** The bearer token, read at each call (undefined before login). */
  token(): string | undefined;
  /**
   * Who the session is (the user's id), read at each call: a call refused for a token the session has replaced is
   * sent again only for the same person, never under another person's sign-in.
   */
  user?(): string | undefined;
  /** True when the token is about to expire: it is refreshed before the call. */
  expiresSoon?(): boolean;
  /** A new token for the session (see createTokenRefresher): before a call, and once after a call's 401. */
  refresh?(): Promise<RefreshOutcome>;
  lang(): Lang;
  /** A 401 on an authenticated call that a refresh could not cure: the session is over (expired, revoked). */
  onUnauthorized(): void;
  fetch?: typeof fetch;
  randomKey?: () => string;
  /**
   * Calls `listener` when the page is being left (the window's `pagehide`, by default); returns what stops it. A
   * request must start within the event to be sent at all.
   */
  onPageHide?(listener: () => void): () => void;
}

/** How long signing out waits for the page's calls on their way (see AppApiClient.signOut). */
export const SIGN_OUT_WAIT_MS = 3_000;

/** The window's `pagehide` (none outside a browser). */
function onWindowPageHide(listener: () => void): () => void {
  type Listen = (type: 'pagehide', listener: () => void) => void;
  const target = globalThis as { addEventListener?: Listen; removeEventListener?: Listen };
  target.addEventListener?.('pagehide', listener);
  return () => target.removeEventListener?.('pagehide', listener);
}

function defaultRandomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `app-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

async function failureOf(res: Response): Promise<Extract<ApiResult<never>, { ok: false }>> {
  try {
    const body = (await res.json()) as {
      error?: { code?: unknown; message?: unknown; fields?: ApiFieldError[]; overlaps?: OverlapItem[] };
    };
    if (body.error && typeof body.error.code === 'string') {
      return {
        ok: false,
        status: res.status,
        code: body.error.code,
        message: String(body.error.message ?? ''),
        fields: body.error.fields ?? [],
        ...(Array.isArray(body.error.overlaps) ? { overlaps: body.error.overlaps } : {}),
      };
    }
  } catch {
    // not JSON (a proxy's error page)
  }
  return { ok: false, status: res.status, code: `http_${res.status}`, message: res.statusText, fields: [] };
}

/**
 * The officer app's calls to the API on this origin, in the person's language (`Accept-Language`, so errors and
 * 422 field messages come in it), with the session's bearer token.
 */
export function createAppApiClient(options: AppApiClientOptions): AppApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const keys = createIdempotencyKeys(options.randomKey ?? defaultRandomKey);
  /** The calls on their way, which signing out lets finish first. */
  const inFlight = new Set<Promise<unknown>>();
  /** While signing out: a call on its way refused 401 ends nothing (the sign-out ends the session as a sign-out). */
  let endingSession = false;

  function send<T>(...args: Parameters<typeof sendNow<T>>): Promise<ApiResult<T>> {
    const call = sendNow<T>(...args);
    inFlight.add(call);
    // The caller handles the call's own outcome; this chain only keeps the set.
    call.finally(() => inFlight.delete(call)).catch(() => undefined);
    return call;
  }

  async function sendNow<T>(
    path: string,
    init: RequestInit & { headers: Record<string, string> },
    read: (res: Response) => Promise<T> = (res) => res.json() as Promise<T>,
    /** false: sent at once even when the token is about to expire (a 401 is then cured by a refresh as usual). */
    refreshFirst = true,
  ): Promise<ApiResult<T>> {
    if (refreshFirst && options.token() && options.expiresSoon?.()) await options.refresh?.();
    init.headers.accept ??= 'application/json';
    init.headers['accept-language'] = options.lang();
    const user = options.user?.();
    const attempt = async (): Promise<{ res: Response; token: string | undefined } | { error: unknown }> => {
      const token = options.token();
      const headers = token ? { ...init.headers, authorization: `Bearer ${token}` } : init.headers;
      try {
        return { res: await doFetch(path, { ...init, headers, credentials: 'omit' }), token };
      } catch (error) {
        return { error };
      }
    };
    const refused = (sent: Awaited<ReturnType<typeof attempt>>) => 'res' in sent && sent.res.status === 401;
    let sent = await attempt();
    // A 401 for the session's token: one refresh (shared with concurrent calls) and the call once more; the session
    // is over when the refresh is refused or the new token is refused too. A 401 for a token the session has already
    // replaced (another call refreshed while this one was on its way) is first sent again with the current token: a
    // refresh replaces the server's access token, so refreshing for a stale token would refuse the calls carrying the
    // token just issued, each of which would refresh again, and one of them would end the session. A 401 that comes
    // back after the person signed out (or another person signed in) is the ended session's answer: nothing is sent
    // again, refreshed or ended for it; this is checked again after every wait. While signing out (the logout call
    // included) nothing ends the session but the sign-out.
    const samePerson = () => options.token() !== undefined && options.user?.() === user;
    if (refused(sent) && 'token' in sent && sent.token && samePerson()) {
      if (options.token() !== sent.token) sent = await attempt();
      if (refused(sent) && samePerson()) {
        const outcome = options.refresh ? await options.refresh() : 'refused';
        if (outcome === 'refreshed' && samePerson()) sent = await attempt();
        const over = outcome === 'refused' || (outcome === 'refreshed' && refused(sent));
        if (over && samePerson() && !endingSession) options.onUnauthorized();
      }
    }
    if ('error' in sent) {
      const { error } = sent;
      return {
        ok: false,
        status: 'network',
        code: 'network',
        message: String((error as Error)?.message ?? error),
        fields: [],
      };
    }
    const { res } = sent;
    if (!res.ok) return failureOf(res);
    try {
      return { ok: true, status: res.status, value: await read(res) };
    } catch (error) {
      return {
        ok: false,
        status: res.status,
        code: 'bad_response',
        message: String((error as Error)?.message ?? error),
        fields: [],
      };
    }
  }

  /**
   * Waits for the page's calls on their way (at most SIGN_OUT_WAIT_MS, or until the page is left), then ends the
   * session on the server.
   */
  async function signOutNow(wait: boolean): Promise<void> {
    // One that reached the server after the session ended would be refused half-way (a decision left unsent, a page
    // half-loaded). A page left while waiting would never send the logout, and the server would keep the session
    // until it expires: the logout then starts within the page's last event, and keepalive carries it through.
    let logout: Promise<unknown> | undefined;
    const sendLogout = (refreshFirst: boolean) =>
      (logout ??= send(
        '/api/auth/logout',
        { method: 'POST', headers: {}, keepalive: true },
        async () => undefined,
        refreshFirst,
      ));
    if (!wait) {
      await sendLogout(false);
      return;
    }
    let left: () => void = () => undefined;
    const stopListening = (options.onPageHide ?? onWindowPageHide)(() => {
      // Started within the page's last event: a refresh first would send it after the page is gone.
      void sendLogout(false);
      left();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, SIGN_OUT_WAIT_MS))),
        new Promise<void>((resolve) => (left = resolve)),
      ]);
    } finally {
      clearTimeout(timer);
      stopListening();
    }
    await sendLogout(true);
  }

  return {
    get: <T>(path: string) => send<T>(path, { method: 'GET', headers: {} }),
    getBlob: (path: string, accept: string, onProgress?: (received: number, total: number | null) => void) =>
      send<Blob>(path, { method: 'GET', headers: { accept } }, (res) =>
        onProgress ? readWithProgress(res, onProgress) : res.blob(),
      ),
    async post<T>(path: string, body: unknown, postOptions?: { idempotent?: boolean }): Promise<ApiResult<T>> {
      const text = JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (postOptions?.idempotent) headers['idempotency-key'] = keys.keyFor(path, text);
      const result = await send<T>(path, { method: 'POST', headers, body: text });
      const unfinished = result.ok ? result.status === 202 : isRetryableStatus(result.status, result.code);
      if (postOptions?.idempotent && !unfinished) keys.settle(path, text);
      return result;
    },
    patch: <T>(path: string, body: unknown) =>
      send<T>(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    put: <T>(path: string, body: unknown) =>
      send<T>(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async signOut(how) {
      if (!options.token()) return;
      endingSession = true;
      try {
        await signOutNow(how?.wait ?? true);
      } finally {
        endingSession = false;
      }
    },
  };
}
