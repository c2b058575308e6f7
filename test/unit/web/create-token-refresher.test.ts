import { createTokenRefresher } from '../../../web/app/session/create-token-refresher';
import type { Session } from '../../../web/app/session/session-store';

const user = { id: 'xa.hacau', displayName: 'Cán bộ', grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }] };
const NOW = new Date('2026-06-01T08:00:00Z');
const sessionOf = (n: number, accessMinutes = 15): Session => ({
  token: `tok-${n}`,
  expiresAt: new Date(NOW.getTime() + accessMinutes * 60_000).toISOString(),
  refreshToken: `ref-${n}`,
  refreshExpiresAt: '2026-06-01T20:00:00.000Z',
  user,
});

/** A refresher over one tab's session and the shared storage, with a fetch that answers from `answer`. */
function setUp(answer: () => Promise<Response>, stored?: Session) {
  let current: Session | undefined = sessionOf(1, -1);
  const sent: string[] = [];
  const refresher = createTokenRefresher({
    current: () => current,
    stored: () => stored,
    save: (next) => {
      current = next;
    },
    now: () => NOW,
    fetch: (async (_url: string, init: RequestInit) => {
      sent.push(String(init.body));
      return answer();
    }) as unknown as typeof fetch,
  });
  return { refresher, sent, current: () => current };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the token refresher', () => {
  it('shares one request among concurrent callers, since a refresh token is spent by its first use', async () => {
    let release: (res: Response) => void = () => undefined;
    const { refresher, sent, current } = setUp(() => new Promise<Response>((resolve) => (release = resolve)));
    const all = Promise.all([refresher.refresh(), refresher.refresh(), refresher.refresh()]);
    await new Promise((resolve) => setImmediate(resolve));
    const next = sessionOf(2);
    release(json(200, next));
    expect(await all).toEqual(['refreshed', 'refreshed', 'refreshed']);
    expect(sent).toEqual([JSON.stringify({ refreshToken: 'ref-1' })]);
    expect(current()).toEqual(next);
  });

  it('keeps nothing of an answer that comes after the tab signed out or another person signed in', async () => {
    for (const after of ['signed out', 'another person signed in'] as const) {
      let release: (res: Response) => void = () => undefined;
      let current: Session | undefined = sessionOf(1, -1);
      const saved: Session[] = [];
      const refresher = createTokenRefresher({
        current: () => current,
        stored: () => undefined,
        save: (next) => saved.push(next),
        now: () => NOW,
        fetch: (() => new Promise<Response>((resolve) => (release = resolve))) as unknown as typeof fetch,
      });
      const outcome = refresher.refresh();
      await new Promise((resolve) => setImmediate(resolve));
      current = after === 'signed out' ? undefined : { ...sessionOf(9), user: { ...user, id: 'quan.hadong' } };
      release(json(200, sessionOf(2)));
      expect([after, await outcome, saved]).toEqual([after, 'unreachable', []]);
    }
  });

  it('takes the newer pair another tab stored instead of spending the old refresh token again', async () => {
    const { refresher, sent, current } = setUp(() => Promise.reject(new Error('not called')), sessionOf(7));
    expect(await refresher.refresh()).toBe('refreshed');
    expect(sent).toEqual([]);
    expect(current()?.token).toBe('tok-7');
  });

  it.each([
    ['refused on a 401', () => Promise.resolve(json(401, { error: { code: 'unauthorized' } })), 'refused'],
    ['unreachable on a 5xx', () => Promise.resolve(json(503, { error: { code: 'unavailable' } })), 'unreachable'],
    ['unreachable without an answer', () => Promise.reject(new TypeError('Failed to fetch')), 'unreachable'],
  ] as const)('is %s, and keeps the session it had', async (_what, answer, outcome) => {
    const { refresher, current } = setUp(answer);
    expect(await refresher.refresh()).toBe(outcome);
    expect(current()?.token).toBe('tok-1');
  });
});
