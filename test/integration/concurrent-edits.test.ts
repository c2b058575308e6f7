// Concurrent writers through the real HTTP API (issue 10, item 5): dossier numbers stay unique and contiguous per
// unit, and every administrative and calendar edit has exactly one winner — 409 for the others, or, where the
// request only asks for a state (idempotent), the same answer for all — with the stored state the winner's and
// exactly one entry in the audit log. Each case fires its requests at once (Promise.all), not one after another.
// Like every integration file, this one has its own database and workflow-id prefix (startSystem).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdminEventKind } from '../../storage/admin-event-schema';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { ApiResponse } from './support/api-client';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

// Sign-in limits out of the way: the password case signs in 16 times at once with 15 wrong passwords, which the
// default limits would throttle and lock (sign-in.test.ts covers those).
const ctx = useTestSystem(undefined, {
  signIn: { failuresPerAccount: 1000, failuresPerAddress: 1000, lockAfterFailures: 1000 },
});
const SECOND_ADMIN_PASSWORD = 'quan-tri-thu-hai';
const root = path.join(__dirname, '..', '..');
const readJson = async (file: string) => JSON.parse(await readFile(path.join(root, file), 'utf8'));
const CONCURRENCY = 16;
/** Two administrators of the province, so that concurrent requests also come from different people. */
const ADMINS = ['admin.hanoi', 'qt2.hanoi'] as const;
const adminOf = (i: number) => ADMINS[i % ADMINS.length]!;
const login = (username: string, password: string) =>
  ctx.api.call('POST', '/api/auth/login', { body: { username, password } });
const is2xx = (r: ApiResponse) => r.status >= 200 && r.status < 300;
const describeAnswers = (responses: ApiResponse[]) =>
  responses.map((r) => `${r.status} ${r.body?.error?.code ?? ''}`.trim()).join(', ');
const adminEvents = (kind: AdminEventKind, target: string) =>
  ctx.system.models.AdminEvent.find({ kind, target }).lean();
/** The one winner of a `one winner` (or creating `idempotent`) case. */
const single = (winners: number[]): number => {
  expect(winners).toHaveLength(1);
  return winners[0]!;
};

beforeAll(async () => {
  const second = await ctx.api.call('POST', '/api/admin/users', {
    as: 'admin.hanoi',
    body: {
      username: 'qt2.hanoi',
      displayName: 'Quản trị thứ hai',
      password: SECOND_ADMIN_PASSWORD,
      grants: [{ role: 'admin', unitCode: 'HN' }],
    },
  });
  expect(second.status).toBe(201);
  ctx.api.usePassword('qt2.hanoi', SECOND_ADMIN_PASSWORD);
  // Log everyone in first, so that the requests of a case start together rather than behind their logins.
  await Promise.all([...ADMINS, 'xa2025.hadong', 'xa2025.kienhung'].map((u) => ctx.api.token(u)));
});

describe('dossier numbers under concurrent creation', () => {
  it('gives every dossier its own number, contiguous per unit, and every dossier is readable', async () => {
    const units = [
      { officer: 'xa2025.hadong', unitCode: 'HN-HADONG', count: 32 },
      { officer: 'xa2025.kienhung', unitCode: 'HN-KIENHUNG', count: 10 },
    ];
    // The register's year is Việt Nam's, as the service numbers it (api/dossiers/create-dossier-service.ts).
    const year = Number(vietnamDate(Date.now()).slice(0, 4));
    const counterBefore = async (unitCode: string) =>
      (await ctx.system.models.Counter.findById(`dossier:${unitCode}:${year}`).lean())?.value ?? 0;
    const before = new Map(
      await Promise.all(units.map(async (u) => [u.unitCode, await counterBefore(u.unitCode)] as const)),
    );

    const requests = units.flatMap((u) => Array.from({ length: u.count }, () => u));
    const responses = await Promise.all(
      requests.map((u) =>
        ctx.api.call('POST', '/api/dossiers', {
          as: u.officer,
          body: { processKey: 'housing-support-2025', data: proposalIn(u.unitCode) },
        }),
      ),
    );
    expect(responses.filter((r) => r.status !== 201)).toEqual([]);
    const ids = responses.map((r) => r.body.id as string);
    expect(new Set(ids).size).toBe(ids.length);

    for (const u of units) {
      const prefix = `${u.unitCode}-${year}-`;
      const numbers = ids.filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length)));
      const first = before.get(u.unitCode)! + 1;
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: u.count }, (_, i) => first + i));
    }

    // Every dossier is in the read model (the create answer waits for it, briefly; allow a loaded machine more).
    const deadline = Date.now() + 60_000;
    let inReadModel: number;
    while (
      (inReadModel = await ctx.system.models.DossierView.countDocuments({ _id: { $in: ids } })) < ids.length &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(inReadModel).toBe(ids.length);
    const reads = await Promise.all(
      requests.map((u, i) => ctx.api.call('GET', `/api/dossiers/${ids[i]}`, { as: u.officer })),
    );
    expect(reads.map((r) => [r.status, r.body.id])).toEqual(ids.map((id) => [200, id]));
  });
});

/** What one case does once its target is prepared: the concurrent request number `i`, and the checks afterwards. */
interface Prepared {
  fire(i: number): Promise<ApiResponse>;
  /**
   * The stored state equals what the winning requests (their numbers, in `winners`) asked for, and the audit log has
   * exactly one entry per winner: one for `one winner` and `idempotent` cases.
   */
  verify(winners: number[], responses: ApiResponse[]): Promise<void>;
}

interface ConcurrencyCase {
  name: string;
  /**
   * `one winner`: exactly one 2xx (`status`), the others 409 `conflictCode`. `idempotent`: the request names a state
   * rather than a change, so every caller — like a later repeat — legitimately gets it (`status`; the one request
   * that made the change may answer `winnerStatus`), and only one change is made and audited. `serialised`: a change
   * computed from what the server read (no version from the client): every request that read the state as the
   * previous winner left it succeeds — it is not concurrent with that one, it comes after — and every other is 409,
   * so at least one wins and no success is lost or applied over a state it did not see. Run at once, almost always
   * exactly one wins; the `expectedUpdatedAt` case, where all requests carry the version they were filled in from,
   * must have exactly one.
   */
  outcome:
    | { kind: 'one winner'; status: number; conflictCode: string }
    | { kind: 'idempotent'; status: number; winnerStatus?: number }
    | { kind: 'serialised'; status: number; conflictCode: string };
  prepare(): Promise<Prepared>;
}

let serial = 0;
/** A name no other case (or earlier part of this run) used. */
const fresh = (prefix: string) => `${prefix}${++serial}`;

async function createUser(grants: { role: string; unitCode: string }[]): Promise<string> {
  const username = fresh('nv.dongthoi');
  const created = await ctx.api.call('POST', '/api/admin/users', {
    as: 'admin.hanoi',
    body: { username, displayName: 'Nhân viên thử', password: 'matkhau-cu-dai-1', grants },
  });
  expect(created.status).toBe(201);
  return username;
}

async function createUnit(): Promise<string> {
  const code = `HN-DT${++serial}`;
  const created = await ctx.api.call('POST', '/api/admin/units', {
    as: 'admin.hanoi',
    body: { code, name: 'Phường Thử', level: 'commune', parentCode: 'HN', effectiveFrom: '2026-01-01' },
  });
  expect(created.status).toBe(201);
  return code;
}

/** A new version of the shipped proposal form, its title varied by `variant` (different content, same version). */
async function formVersion(version: number, variant = ''): Promise<Record<string, any>> {
  const v1 = await readJson('forms/definitions/housing-proposal@1.json');
  return {
    ...v1,
    version,
    schema: { ...v1.schema, $id: v1.schema.$id.replace('@1', `@${version}`) },
    title: { ...v1.title, vi: `${v1.title.vi} (bản ${version}${variant})` },
  };
}

/** A calendar year nobody else in this file edits, and a distinct weekday of it per request. */
const calendarYear = () => 2040 + ++serial;
const weekdayOf = (year: number, i: number) => {
  // The i-th weekday from 1 October: no public holiday falls between then and the end of November.
  const d = new Date(Date.UTC(year, 9, 1));
  for (let n = -1; ; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && ++n === i) return d.toISOString().slice(0, 10);
  }
};
const markDay = (year: number, i: number, extra: Record<string, unknown> = {}) =>
  ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
    as: adminOf(i),
    body: { date: weekdayOf(year, i), kind: 'day_off', name: `Nghỉ ${i}`, ...extra },
  });

/** The calendar cases: the stored year has each winner's day off and no loser's, and the edit log one entry each. */
function calendarCheck(year: number, editsBefore: number): Prepared['verify'] {
  return async (winners, responses) => {
    const stored = await ctx.system.models.CalendarYear.findById(`HN:${year}`).lean();
    const marked = Array.from({ length: CONCURRENCY }, (_, i) => weekdayOf(year, i));
    const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
    expect(stored!.daysOff.filter((d) => marked.includes(d.date))).toEqual(
      winners.map((w) => ({ date: weekdayOf(year, w), name: `Nghỉ ${w}` })).sort(byDate),
    );
    const edits = await ctx.system.models.CalendarEdit.find({ scope: 'HN', year }).sort({ at: 1 }).lean();
    expect(
      edits
        .slice(editsBefore)
        .map((e) => ({ date: e.date, change: e.change, by: e.by }))
        .sort(byDate),
    ).toEqual(winners.map((w) => ({ date: weekdayOf(year, w), change: 'day_off', by: adminOf(w) })).sort(byDate));
    // The last edit applied is the stored one, and the last winner's answer showed it.
    expect(stored!.updatedBy).toBe(edits.at(-1)!.by);
    expect(winners.map((w) => responses[w]!.body.updatedAt)).toContain(stored!.updatedAt.toISOString());
  };
}

const cases: ConcurrencyCase[] = [
  {
    name: 'creating the same username',
    outcome: { kind: 'one winner', status: 201, conflictCode: 'username_taken' },
    async prepare() {
      const username = fresh('nv.trung');
      const password = (i: number) => `matkhau-${i}-dongthoi`;
      return {
        fire: (i) =>
          ctx.api.call('POST', '/api/admin/users', {
            as: adminOf(i),
            body: {
              username,
              displayName: `Người ${i}`,
              password: password(i),
              grants: [{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }],
            },
          }),
        async verify(winners) {
          const winner = single(winners);
          expect((await ctx.system.models.User.findById(username).lean())?.displayName).toBe(`Người ${winner}`);
          expect((await login(username, password(winner))).status).toBe(200);
          expect((await login(username, password((winner + 1) % CONCURRENCY))).status).toBe(401);
          expect(await adminEvents('user.create', username)).toEqual([
            expect.objectContaining({ by: adminOf(winner) }),
          ]);
        },
      };
    },
  },
  {
    name: 'adding the same grant',
    outcome: { kind: 'idempotent', status: 200 },
    async prepare() {
      const username = await createUser([{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }]);
      const grant = { role: 'unit_head', unitCode: 'HN-KIENHUNG' };
      return {
        fire: (i) => ctx.api.call('POST', `/api/admin/users/${username}/grants`, { as: adminOf(i), body: grant }),
        async verify(_winners, responses) {
          for (const r of responses)
            expect(
              r.body.grants.filter((g: typeof grant) => g.role === grant.role && g.unitCode === grant.unitCode),
            ).toEqual([grant]);
          expect((await ctx.system.models.User.findById(username).lean())?.grants).toEqual([
            { role: 'commune_officer', unitCode: 'HN-KIENHUNG' },
            grant,
          ]);
          expect(await adminEvents('user.grant', username)).toHaveLength(1);
        },
      };
    },
  },
  {
    name: 'revoking the same grant',
    outcome: { kind: 'idempotent', status: 200 },
    async prepare() {
      const grant = { role: 'unit_head', unitCode: 'HN-KIENHUNG' };
      const username = await createUser([{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }, grant]);
      return {
        fire: (i) =>
          ctx.api.call('POST', `/api/admin/users/${username}/grants/revoke`, { as: adminOf(i), body: grant }),
        async verify(_winners, responses) {
          for (const r of responses)
            expect(r.body.grants).toEqual([{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }]);
          expect((await ctx.system.models.User.findById(username).lean())?.grants).toEqual([
            { role: 'commune_officer', unitCode: 'HN-KIENHUNG' },
          ]);
          expect(await adminEvents('user.revoke', username)).toHaveLength(1);
        },
      };
    },
  },
  ...(['deactivate', 'activate'] as const).map((action): ConcurrencyCase => ({
    name: `${action === 'deactivate' ? 'deactivating' : 'reactivating'} the same user`,
    outcome: { kind: 'idempotent', status: 200 },
    async prepare() {
      const username = await createUser([{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }]);
      if (action === 'activate')
        expect(
          (await ctx.api.call('POST', `/api/admin/users/${username}/deactivate`, { as: 'admin.hanoi' })).status,
        ).toBe(200);
      const token = (await login(username, 'matkhau-cu-dai-1')).body?.token as string | undefined;
      return {
        fire: (i) => ctx.api.call('POST', `/api/admin/users/${username}/${action}`, { as: adminOf(i) }),
        async verify(_winners, responses) {
          const active = action === 'activate';
          for (const r of responses) expect(r.body.active).toBe(active);
          expect((await ctx.system.models.User.findById(username).lean())?.active).toBe(active);
          expect(await adminEvents(`user.${action}` as const, username)).toHaveLength(1);
          if (!active)
            expect(
              (await ctx.api.call('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } })).status,
            ).toBe(401);
          expect((await login(username, 'matkhau-cu-dai-1')).status).toBe(active ? 200 : 401);
        },
      };
    },
  })),
  {
    name: 'resetting the same password',
    outcome: { kind: 'serialised', status: 200, conflictCode: 'password_changed' },
    async prepare() {
      const username = await createUser([{ role: 'commune_officer', unitCode: 'HN-KIENHUNG' }]);
      const password = (i: number) => `matkhau-moi-${i}`;
      return {
        fire: (i) =>
          ctx.api.call('POST', `/api/admin/users/${username}/password`, {
            as: adminOf(i),
            body: { password: password(i) },
          }),
        async verify(winners) {
          // Exactly one password works, a winner's: the last one applied.
          const logins = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => login(username, password(i))));
          const working = logins.flatMap((r, i) => (r.status === 200 ? [i] : []));
          expect(working).toHaveLength(1);
          expect(winners).toContain(working[0]);
          expect((await login(username, 'matkhau-cu-dai-1')).status).toBe(401);
          expect((await adminEvents('user.password', username)).map((e) => e.by).sort()).toEqual(
            winners.map(adminOf).sort(),
          );
        },
      };
    },
  },
  {
    name: 'creating the same unit code',
    outcome: { kind: 'one winner', status: 201, conflictCode: 'unit_code_taken' },
    async prepare() {
      const code = `HN-TRUNG${++serial}`;
      return {
        fire: (i) =>
          ctx.api.call('POST', '/api/admin/units', {
            as: adminOf(i),
            body: { code, name: `Phường ${i}`, level: 'commune', parentCode: 'HN', effectiveFrom: '2026-01-01' },
          }),
        async verify(winners) {
          const winner = single(winners);
          expect((await ctx.system.models.Unit.findById(code).lean())?.name).toBe(`Phường ${winner}`);
          expect(await adminEvents('unit.create', code)).toEqual([
            expect.objectContaining({
              by: adminOf(winner),
              details: expect.objectContaining({ name: `Phường ${winner}` }),
            }),
          ]);
        },
      };
    },
  },
  {
    name: 'retiring the same unit',
    outcome: { kind: 'one winner', status: 200, conflictCode: 'unit_retired' },
    async prepare() {
      const code = await createUnit();
      const lastDay = (i: number) => `2026-06-${String(1 + i).padStart(2, '0')}`;
      return {
        fire: (i) =>
          ctx.api.call('POST', `/api/admin/units/${code}/retire`, {
            as: adminOf(i),
            body: { effectiveTo: lastDay(i) },
          }),
        async verify(winners, responses) {
          const winner = single(winners);
          expect(responses[winner]!.body).toMatchObject({ _id: code, effectiveTo: lastDay(winner) });
          expect((await ctx.system.models.Unit.findById(code).lean())?.effectiveTo).toBe(lastDay(winner));
          expect(await adminEvents('unit.retire', code)).toEqual([
            expect.objectContaining({
              by: adminOf(winner),
              details: expect.objectContaining({ effectiveTo: lastDay(winner) }),
            }),
          ]);
        },
      };
    },
  },
  {
    name: 'revoking the same embed token',
    outcome: { kind: 'one winner', status: 200, conflictCode: 'embed_token_revoked' },
    async prepare() {
      const created = await ctx.api.call('POST', '/api/admin/embed-tokens', {
        as: 'admin.hanoi',
        body: {
          label: fresh('Cổng thử '),
          processKey: 'housing-support-2025',
          unitCode: 'HN-KIENHUNG',
          origins: ['https://dichvucong.example.vn'],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      return {
        fire: (i) => ctx.api.call('POST', `/api/admin/embed-tokens/${id}/revoke`, { as: adminOf(i) }),
        async verify(winners, responses) {
          const winner = single(winners);
          const stored = await ctx.system.models.EmbedToken.findById(id).lean();
          expect(stored?.revokedBy).toBe(adminOf(winner));
          expect(stored?.revokedAt?.toISOString()).toBe(responses[winner]!.body.revokedAt);
          expect(await adminEvents('embed_token.revoke', id)).toEqual([
            expect.objectContaining({ by: adminOf(winner) }),
          ]);
        },
      };
    },
  },
  {
    name: 'publishing the same form version with different content',
    outcome: { kind: 'one winner', status: 201, conflictCode: 'version_published' },
    async prepare() {
      const version = 10 + ++serial;
      const forms = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) => formVersion(version, ` biến thể ${i}`)),
      );
      const ref = `housing-proposal@${version}`;
      return {
        fire: (i) => ctx.api.call('POST', '/api/admin/forms', { as: adminOf(i), body: forms[i] }),
        async verify(winners) {
          const winner = single(winners);
          const stored = await ctx.system.models.FormDefinition.findById(ref).lean();
          expect(JSON.parse(stored!.json).title.vi).toBe(forms[winner]!.title.vi);
          expect(await adminEvents('form.publish', ref)).toEqual([expect.objectContaining({ by: adminOf(winner) })]);
        },
      };
    },
  },
  ...(['form', 'process'] as const).map((kind): ConcurrencyCase => ({
    name: `publishing the same ${kind} version with the same content`,
    outcome: { kind: 'idempotent', status: 200, winnerStatus: 201 },
    async prepare() {
      // The process gets a key of its own, so that the dossiers of other tests keep starting the shipped process.
      const definition =
        kind === 'form'
          ? await formVersion(10 + ++serial)
          : {
              ...(await readJson('domain/process/definitions/housing-support-2025@3.json')),
              key: fresh('housing-concurrent-'),
            };
      const ref = `${definition.key}@${definition.version}`;
      const { FormDefinition, ProcessDefinition } = ctx.system.models;
      const stored = () =>
        kind === 'form' ? FormDefinition.findById(ref).lean() : ProcessDefinition.findById(ref).lean();
      return {
        fire: (i) =>
          ctx.api.call('POST', kind === 'form' ? '/api/admin/forms' : '/api/admin/processes', {
            as: adminOf(i),
            body: definition,
          }),
        async verify(winners, responses) {
          const winner = single(winners);
          expect(responses.map((r) => r.body)).toEqual(responses.map((_, i) => ({ ref, created: i === winner })));
          expect((await stored())?.publishedBy).toBe(adminOf(winner));
          expect(await adminEvents(`${kind}.publish`, ref)).toEqual([expect.objectContaining({ by: adminOf(winner) })]);
        },
      };
    },
  })),
  {
    name: "two administrators making a province's first calendar edit of a year",
    outcome: { kind: 'serialised', status: 200, conflictCode: 'calendar_changed' },
    async prepare() {
      const year = calendarYear();
      return { fire: (i) => markDay(year, i), verify: calendarCheck(year, 0) };
    },
  },
  {
    name: 'two administrators editing an overridden calendar year',
    outcome: { kind: 'serialised', status: 200, conflictCode: 'calendar_changed' },
    async prepare() {
      const year = calendarYear();
      const first = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
        as: 'admin.hanoi',
        body: { date: `${year}-12-01`, kind: 'working_day' },
      });
      expect(first.status).toBe(200);
      return { fire: (i) => markDay(year, i), verify: calendarCheck(year, 1) };
    },
  },
  {
    name: 'two administrators editing a calendar year from the same form (expectedUpdatedAt)',
    outcome: { kind: 'one winner', status: 200, conflictCode: 'calendar_changed' },
    async prepare() {
      const year = calendarYear();
      expect(
        (
          await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
            as: 'admin.hanoi',
            body: { date: `${year}-12-01`, kind: 'working_day' },
          })
        ).status,
      ).toBe(200);
      const shown = await ctx.api.call('GET', `/api/calendars/HN/${year}`, { as: 'admin.hanoi' });
      expect(shown.body.updatedAt).toEqual(expect.any(String));
      return {
        fire: (i) => markDay(year, i, { expectedUpdatedAt: shown.body.updatedAt }),
        verify: calendarCheck(year, 1),
      };
    },
  },
];

describe.each(cases)('$name ($outcome.kind)', ({ outcome, prepare }) => {
  it(`fires ${CONCURRENCY} requests at once and keeps the winner's change, audited once`, async () => {
    const prepared = await prepare();
    const responses = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => prepared.fire(i)));
    const answers = describeAnswers(responses);
    const indices = (keep: (r: ApiResponse) => boolean) => responses.flatMap((r, i) => (keep(r) ? [i] : []));
    if (outcome.kind === 'idempotent') {
      expect(indices((r) => !is2xx(r)).map((i) => answers.split(', ')[i])).toEqual([]);
      const winners = indices((r) => r.status === (outcome.winnerStatus ?? outcome.status));
      if (outcome.winnerStatus !== undefined) {
        expect({ winners: winners.length, answers }).toEqual({ winners: 1, answers });
        expect(indices((r) => r.status === outcome.status)).toHaveLength(CONCURRENCY - 1);
      }
      await prepared.verify(outcome.winnerStatus === undefined ? [] : winners, responses);
      return;
    }
    const winners = indices(is2xx);
    if (outcome.kind === 'one winner') expect({ winners: winners.length, answers }).toEqual({ winners: 1, answers });
    else expect(winners.length).toBeGreaterThanOrEqual(1);
    for (const w of winners) expect(responses[w]!.status).toBe(outcome.status);
    const losers = responses.filter((r) => !is2xx(r));
    expect(losers.map((r) => [r.status, r.body.error.code])).toEqual(losers.map(() => [409, outcome.conflictCode]));
    // One stable error shape, in the caller's language (Vietnamese by default).
    for (const r of losers)
      expect(r.body.error.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỵỷỹ]/);
    await prepared.verify(winners, responses);
  });
});

describe('a calendar edit from a stale form', () => {
  it('is refused with 409 in Vietnamese or English, and applies once the form is reloaded', async () => {
    const year = calendarYear();
    const shown = await ctx.api.call('GET', `/api/calendars/HN/${year}`, { as: 'qt2.hanoi' });
    expect(shown.body).toMatchObject({ overridden: false, updatedAt: null });
    expect((await markDay(year, 0, { expectedUpdatedAt: shown.body.updatedAt })).status).toBe(200);
    const stale = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'qt2.hanoi',
      body: { date: weekdayOf(year, 1), kind: 'day_off', expectedUpdatedAt: shown.body.updatedAt },
      headers: { 'accept-language': 'en' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      code: 'calendar_changed',
      message: 'the calendar was changed meanwhile; reload and retry',
      fields: [],
    });
    const reloaded = await ctx.api.call('GET', `/api/calendars/HN/${year}`, { as: 'qt2.hanoi' });
    expect(reloaded.body).toMatchObject({ overridden: true, updatedAt: expect.any(String) });
    const retried = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'qt2.hanoi',
      body: { date: weekdayOf(year, 1), kind: 'day_off', expectedUpdatedAt: reloaded.body.updatedAt },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.daysOff.map((d: { date: string }) => d.date)).toEqual(
      expect.arrayContaining([weekdayOf(year, 0), weekdayOf(year, 1)]),
    );
    expect(Date.parse(retried.body.updatedAt)).toBeGreaterThan(Date.parse(reloaded.body.updatedAt));
    const bad = await ctx.api.call('POST', `/api/calendars/HN/${year}/days`, {
      as: 'qt2.hanoi',
      body: { date: weekdayOf(year, 2), kind: 'day_off', expectedUpdatedAt: 'hôm qua' },
    });
    expect(bad.status).toBe(422);
    expect((await ctx.system.models.CalendarEdit.find({ scope: 'HN', year }).lean()).map((e) => e.date).sort()).toEqual(
      [weekdayOf(year, 0), weekdayOf(year, 1)],
    );
  });
});
