import { createAppApiClient } from '../../../web/app/api/create-app-api-client';

type Answer = { status: number; body?: unknown } | 'network';

/** A fetch that answers from a script and records each request's headers. */
function scriptedFetch(answers: Answer[]) {
  const requests: { url: string; headers: Record<string, string>; body?: string }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({
      url,
      headers: init.headers as Record<string, string>,
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    });
    const answer = answers.shift();
    if (!answer || answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

const keys = () => {
  let n = 0;
  return () => `key-${++n}-abcdefgh`;
};

describe('the officer app API client', () => {
  it('reuses the Idempotency-Key after a network failure, a 5xx and a 202, and takes a new one after a final answer', async () => {
    const { fetch, requests } = scriptedFetch([
      'network',
      { status: 503 },
      { status: 202, body: { status: 'processing' } },
      { status: 200, body: { seq: 3 } },
      { status: 200, body: { seq: 4 } },
    ]);
    const api = createAppApiClient({
      token: () => 'tok',
      lang: () => 'vi',
      onUnauthorized: () => undefined,
      fetch,
      randomKey: keys(),
    });
    const body = { action: 'approve', comment: 'ok' };
    expect(await api.post('/api/dossiers/X-1/actions', body, { idempotent: true })).toMatchObject({
      ok: false,
      status: 'network',
    });
    expect(await api.post('/api/dossiers/X-1/actions', body, { idempotent: true })).toMatchObject({
      ok: false,
      status: 503,
    });
    expect(await api.post('/api/dossiers/X-1/actions', body, { idempotent: true })).toMatchObject({
      ok: true,
      status: 202,
    });
    expect(await api.post('/api/dossiers/X-1/actions', body, { idempotent: true })).toMatchObject({
      ok: true,
      value: { seq: 3 },
    });
    await api.post('/api/dossiers/X-1/actions', body, { idempotent: true });
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'key-1-abcdefgh',
      'key-1-abcdefgh',
      'key-1-abcdefgh',
      'key-1-abcdefgh',
      'key-2-abcdefgh',
    ]);
  });

  it('takes a new key when the body changes or the answer was a 422', async () => {
    const { fetch, requests } = scriptedFetch([
      'network',
      {
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: 'bad',
            fields: [{ path: '/data/x', keyword: 'type', message: 'sai' }],
          },
        },
      },
      { status: 201, body: { id: 'X-1' } },
    ]);
    const api = createAppApiClient({
      token: () => 'tok',
      lang: () => 'en',
      onUnauthorized: () => undefined,
      fetch,
      randomKey: keys(),
    });
    await api.post('/api/dossiers', { data: 1 }, { idempotent: true });
    const invalid = await api.post('/api/dossiers', { data: 2 }, { idempotent: true });
    expect(invalid).toEqual({
      ok: false,
      status: 422,
      code: 'validation_failed',
      message: 'bad',
      fields: [{ path: '/data/x', keyword: 'type', message: 'sai' }],
    });
    await api.post('/api/dossiers', { data: 2 }, { idempotent: true });
    expect(requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'key-1-abcdefgh',
      'key-2-abcdefgh',
      'key-3-abcdefgh',
    ]);
    expect(requests[0]!.headers).toMatchObject({
      authorization: 'Bearer tok',
      'accept-language': 'en',
      'content-type': 'application/json',
    });
  });

  it('fetches a file with the token and its own Accept, as a Blob, and a failure as a value', async () => {
    const { fetch, requests } = scriptedFetch([
      { status: 200, body: '%PDF-1.7' },
      { status: 404, body: { error: { code: 'not_found', message: 'không có' } } },
    ]);
    const api = createAppApiClient({ token: () => 'tok', lang: () => 'vi', onUnauthorized: () => undefined, fetch });
    const file = await api.getBlob('/api/dossiers/X-1/control-slip.pdf', 'application/pdf');
    expect(file.ok && (await file.value.text())).toBe('"%PDF-1.7"');
    expect(requests[0]!.headers).toMatchObject({
      accept: 'application/pdf',
      authorization: 'Bearer tok',
      'accept-language': 'vi',
    });
    expect(await api.getBlob('/api/dossiers/X-2/control-slip.pdf', 'application/pdf')).toMatchObject({
      ok: false,
      status: 404,
      code: 'not_found',
    });
  });

  it('ends the session on a 401 of an authenticated call only', async () => {
    const { fetch } = scriptedFetch([
      { status: 401, body: { error: { code: 'unauthorized', message: 'Phiên đăng nhập đã hết hạn' } } },
      { status: 401, body: { error: { code: 'unauthorized', message: 'Sai mật khẩu' } } },
    ]);
    let token: string | undefined = 'tok';
    const ended: string[] = [];
    const api = createAppApiClient({
      token: () => token,
      lang: () => 'vi',
      onUnauthorized: () => ended.push('ended'),
      fetch,
    });
    expect(await api.get('/api/inbox')).toMatchObject({
      ok: false,
      status: 401,
      message: 'Phiên đăng nhập đã hết hạn',
    });
    token = undefined;
    expect(await api.post('/api/auth/login', { username: 'x', password: 'y' })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(ended).toEqual(['ended']);
  });

  describe('with a session that refreshes', () => {
    const refreshing = (outcomes: ('refreshed' | 'refused' | 'unreachable')[], fetch: typeof globalThis.fetch) => {
      let token = 'tok-1';
      const calls = { refresh: 0, ended: 0 };
      const api = createAppApiClient({
        token: () => token,
        lang: () => 'vi',
        refresh: async () => {
          calls.refresh += 1;
          const outcome = outcomes.shift() ?? 'refused';
          if (outcome === 'refreshed') token = `tok-${calls.refresh + 1}`;
          return outcome;
        },
        onUnauthorized: () => (calls.ended += 1),
        fetch,
      });
      return { api, calls };
    };

    it('refreshes once on a 401 and sends the call again with the new token', async () => {
      const { fetch, requests } = scriptedFetch([{ status: 401 }, { status: 200, body: { items: [] } }]);
      const { api, calls } = refreshing(['refreshed'], fetch);
      expect(await api.get('/api/inbox')).toMatchObject({ ok: true, value: { items: [] } });
      expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
      expect(calls).toEqual({ refresh: 1, ended: 0 });
    });

    it('sends a call refused for a token already replaced again with the current one, without a refresh', async () => {
      // Two calls leave with tok-1; the first one's 401 is cured by a refresh (tok-2) before the second's 401 arrives.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const requests: string[] = [];
      let n = 0;
      const fetch = (async (_url: string, init: RequestInit) => {
        const auth = (init.headers as Record<string, string>).authorization!;
        requests.push(auth);
        n += 1;
        if (n === 2) await held;
        return new Response(auth === 'Bearer tok-2' ? '{}' : null, { status: auth === 'Bearer tok-2' ? 200 : 401 });
      }) as unknown as typeof globalThis.fetch;
      const { api, calls } = refreshing(['refreshed', 'refreshed'], fetch);
      const first = api.get('/api/inbox');
      const second = api.get('/api/me');
      expect(await first).toMatchObject({ ok: true });
      release();
      expect(await second).toMatchObject({ ok: true });
      expect(requests).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2', 'Bearer tok-2']);
      expect(calls).toEqual({ refresh: 1, ended: 0 });
    });

    it('sends nothing again, refreshes and ends nothing for a 401 that comes back after signing out or another sign-in', async () => {
      for (const after of ['signed out', 'another person signed in'] as const) {
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        const requests: string[] = [];
        const fetch = (async (_url: string, init: RequestInit) => {
          requests.push((init.headers as Record<string, string>).authorization ?? 'none');
          await held;
          return new Response(null, { status: 401 });
        }) as unknown as typeof globalThis.fetch;
        let session: { token: string; user: string } | undefined = { token: 'tok-a', user: 'xa.hacau' };
        const calls = { refresh: 0, ended: 0 };
        const api = createAppApiClient({
          token: () => session?.token,
          user: () => session?.user,
          lang: () => 'vi',
          refresh: async () => ((calls.refresh += 1), 'refreshed'),
          onUnauthorized: () => (calls.ended += 1),
          fetch,
        });
        const pending = api.get('/api/inbox');
        session = after === 'signed out' ? undefined : { token: 'tok-b', user: 'quan.hadong' };
        release();
        expect([after, await pending]).toEqual([after, expect.objectContaining({ ok: false, status: 401 })]);
        expect([after, requests, calls]).toEqual([after, ['Bearer tok-a'], { refresh: 0, ended: 0 }]);
      }
    });

    it('ends the session when the refresh is refused, or the new token is refused too', async () => {
      const refusedRefresh = refreshing(['refused'], scriptedFetch([{ status: 401 }]).fetch);
      expect(await refusedRefresh.api.get('/api/inbox')).toMatchObject({ ok: false, status: 401 });
      expect(refusedRefresh.calls).toEqual({ refresh: 1, ended: 1 });
      const refusedAgain = refreshing(['refreshed'], scriptedFetch([{ status: 401 }, { status: 401 }]).fetch);
      expect(await refusedAgain.api.get('/api/inbox')).toMatchObject({ ok: false, status: 401 });
      expect(refusedAgain.calls).toEqual({ refresh: 1, ended: 1 });
    });

    it('keeps the session when the refresh got no answer', async () => {
      const { api, calls } = refreshing(['unreachable'], scriptedFetch([{ status: 401 }]).fetch);
      expect(await api.get('/api/inbox')).toMatchObject({ ok: false, status: 401 });
      expect(calls).toEqual({ refresh: 1, ended: 0 });
    });

    it('refreshes before a call when the token is about to expire', async () => {
      const { fetch, requests } = scriptedFetch([{ status: 200, body: {} }]);
      let token = 'tok-old';
      const api = createAppApiClient({
        token: () => token,
        expiresSoon: () => token === 'tok-old',
        refresh: async () => ((token = 'tok-new'), 'refreshed'),
        lang: () => 'vi',
        onUnauthorized: () => undefined,
        fetch,
      });
      await api.get('/api/me');
      expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-new']);
    });

    it('signs out once the calls on their way have their answers', async () => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const events: string[] = [];
      const fetch = (async (url: string) => {
        events.push(`sent ${url}`);
        if (url === '/api/inbox') await held;
        events.push(`answered ${url}`);
        return new Response('{}', { status: 200 });
      }) as unknown as typeof globalThis.fetch;
      const { api } = refreshing([], fetch);
      const loading = api.get('/api/inbox');
      const signingOut = api.signOut();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events).toEqual(['sent /api/inbox']);
      release();
      await Promise.all([loading, signingOut]);
      expect(events).toEqual([
        'sent /api/inbox',
        'answered /api/inbox',
        'sent /api/auth/logout',
        'answered /api/auth/logout',
      ]);
    });

    it('signs out at once, with keepalive, when the page is left while calls are on their way', async () => {
      const held = new Promise<void>(() => undefined);
      const sent: { url: string; keepalive?: boolean }[] = [];
      const fetch = (async (url: string, init: RequestInit) => {
        sent.push({ url, ...(init.keepalive ? { keepalive: true } : {}) });
        if (url === '/api/inbox') await held;
        return new Response(null, { status: 204 });
      }) as unknown as typeof globalThis.fetch;
      let leave: () => void = () => undefined;
      let listening = 0;
      const api = createAppApiClient({
        token: () => 'tok-1',
        lang: () => 'vi',
        onUnauthorized: () => undefined,
        fetch,
        onPageHide: (listener) => {
          listening += 1;
          leave = listener;
          return () => (listening -= 1);
        },
      });
      void api.get('/api/inbox');
      const signingOut = api.signOut();
      expect(listening).toBe(1);
      // The logout must start within the event itself: nothing of the page runs after it.
      leave();
      expect(sent).toEqual([{ url: '/api/inbox' }, { url: '/api/auth/logout', keepalive: true }]);
      // Nothing more is waited for, and the one logout is the one already sent.
      await signingOut;
      expect(sent).toHaveLength(2);
      expect(listening).toBe(0);
    });

    it('sends the logout of a page being left at once even when the token is about to expire', async () => {
      const sent: string[] = [];
      let refreshes = 0;
      let leave: () => void = () => undefined;
      const api = createAppApiClient({
        token: () => 'tok-1',
        expiresSoon: () => true,
        refresh: async () => ((refreshes += 1), 'refreshed'),
        lang: () => 'vi',
        onUnauthorized: () => undefined,
        fetch: (async (url: string) => {
          sent.push(url);
          return new Response(null, { status: 204 });
        }) as unknown as typeof globalThis.fetch,
        onPageHide: (listener) => ((leave = listener), () => undefined),
      });
      const signingOut = api.signOut();
      leave();
      expect([sent, refreshes]).toEqual([['/api/auth/logout'], 0]);
      await signingOut;
    });

    it('sends the logout within the call, waiting for nothing, when asked not to wait (single sign-on)', async () => {
      const sent: string[] = [];
      const api = createAppApiClient({
        token: () => 'tok-1',
        expiresSoon: () => true,
        refresh: async () => 'refreshed',
        lang: () => 'vi',
        onUnauthorized: () => undefined,
        fetch: (async (url: string) => {
          sent.push(url);
          if (url === '/api/inbox') await new Promise<void>(() => undefined);
          return new Response(null, { status: 204 });
        }) as unknown as typeof globalThis.fetch,
        onPageHide: () => () => undefined,
      });
      void api.get('/api/inbox');
      await Promise.resolve();
      const signingOut = api.signOut({ wait: false });
      expect(sent).toContain('/api/auth/logout');
      await signingOut;
    });

    it('ends nothing for a call on its way refused while signing out: the sign-out ends the session', async () => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const fetch = (async (url: string) => {
        if (url === '/api/inbox') await held;
        return new Response(null, { status: url === '/api/inbox' ? 401 : 204 });
      }) as unknown as typeof globalThis.fetch;
      const { api, calls } = refreshing(['refused'], fetch);
      const loading = api.get('/api/inbox');
      const signingOut = api.signOut();
      release();
      await Promise.all([loading, signingOut]);
      expect(calls).toEqual({ refresh: 1, ended: 0 });
    });

    it('signs out on the server with the token, and never ends the session for the answer', async () => {
      const { fetch, requests } = scriptedFetch([{ status: 401 }]);
      const { api, calls } = refreshing(['refused'], fetch);
      await api.signOut();
      expect(requests).toEqual([
        expect.objectContaining({
          url: '/api/auth/logout',
          headers: expect.objectContaining({ authorization: 'Bearer tok-1' }),
        }),
      ]);
      expect(calls.ended).toBe(0);
    });
  });
});
